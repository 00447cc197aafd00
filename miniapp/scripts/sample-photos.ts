import { writeFile } from 'node:fs/promises'
import sharp from 'sharp'

/** Drawn sample photos (a street lamp, bins) for screenshots, written as JPEG files under /tmp. */
const samples = {
  lamp: `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1200"><rect width="900" height="1200" fill="#1d2433"/>
    <rect x="0" y="900" width="900" height="300" fill="#3a3f4b"/><rect x="430" y="260" width="40" height="700" fill="#8a8f99"/>
    <path d="M450 260 q0 -120 160 -120" stroke="#8a8f99" stroke-width="30" fill="none"/><rect x="560" y="130" width="140" height="50" rx="10" fill="#555b66"/>
    <path d="M0 1000 h900" stroke="#666" stroke-width="6"/></svg>`,
  bins: `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><rect width="1200" height="900" fill="#cfe3d2"/>
    <rect x="0" y="650" width="1200" height="250" fill="#9aa39c"/><rect x="220" y="330" width="220" height="360" rx="16" fill="#2e7d4f"/>
    <rect x="500" y="330" width="220" height="360" rx="16" fill="#3b5fa8"/><rect x="780" y="330" width="220" height="360" rx="16" fill="#8a8f99"/>
    <ellipse cx="330" cy="320" rx="150" ry="60" fill="#6b4f2a"/><ellipse cx="610" cy="315" rx="140" ry="55" fill="#7a5c32"/></svg>`,
  fixed: `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><rect width="1200" height="900" fill="#e8eef5"/>
    <rect x="0" y="650" width="1200" height="250" fill="#b7bec7"/><rect x="220" y="330" width="220" height="360" rx="16" fill="#2e7d4f"/>
    <rect x="500" y="330" width="220" height="360" rx="16" fill="#3b5fa8"/><rect x="780" y="330" width="220" height="360" rx="16" fill="#8a8f99"/></svg>`,
}

export async function samplePhoto(name: keyof typeof samples): Promise<string> {
  const path = `/tmp/linli-sample-${name}.jpg`
  await writeFile(path, await sharp(Buffer.from(samples[name])).jpeg({ quality: 80 }).toBuffer())
  return path
}
