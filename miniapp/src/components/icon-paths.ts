/**
 * Linli's line icons, drawn on a 24×24 grid with a 1.8 stroke, round caps and joins.
 * Each is a list of SVG elements without stroke/fill attributes (the Icon component adds them).
 */
export const iconPaths = {
  home: ['<path d="M3.5 10.5 12 3.5l8.5 7"/>', '<path d="M5.5 9v11h13V9"/>', '<path d="M10 20v-5.5h4V20"/>'],
  megaphone: ['<path d="M4 10v4h3l7 4.5v-13L7 10z"/>', '<path d="M17 9.2a4 4 0 0 1 0 5.6"/>', '<path d="M7 14l1.2 5h2.3"/>'],
  council: [
    '<circle cx="9" cy="8" r="3.2"/>',
    '<path d="M3 19.5c.4-3.3 2.9-5.5 6-5.5s5.6 2.2 6 5.5"/>',
    '<path d="M15.5 5a3.2 3.2 0 0 1 0 6.2"/>',
    '<path d="M17.5 14.3c2 .6 3.2 2.5 3.5 5.2"/>',
  ],
  user: ['<circle cx="12" cy="8" r="4"/>', '<path d="M4 20.5c.6-4 3.9-6.8 8-6.8s7.4 2.8 8 6.8"/>'],
  building: [
    '<rect x="5" y="3" width="14" height="18" rx="1.5"/>',
    '<path d="M9 7.5h2M13 7.5h2M9 11.5h2M13 11.5h2"/>',
    '<path d="M10.5 21v-4h3v4"/>',
  ],
  layers: ['<path d="M12 3.5 21 8l-9 4.5L3 8z"/>', '<path d="m3 12.5 9 4.5 9-4.5"/>', '<path d="m3 16.5 9 4.5 9-4.5"/>'],
  door: ['<path d="M6 21V3.5h12V21"/>', '<path d="M3.5 21h17"/>', '<path d="M14.5 12.5h.01"/>'],
  key: ['<circle cx="8" cy="15" r="4"/>', '<path d="m11 12 8.5-8.5"/>', '<path d="m16.5 6.5 2.5 2.5"/>', '<path d="m14.5 8.5 2 2"/>'],
  chevronRight: ['<path d="m9.5 5.5 6.5 6.5-6.5 6.5"/>'],
  chevronLeft: ['<path d="M14.5 5.5 8 12l6.5 6.5"/>'],
  check: ['<path d="m5 12.5 4.5 4.5L19 7.5"/>'],
  checkCircle: ['<circle cx="12" cy="12" r="9"/>', '<path d="m8 12.3 2.8 2.8L16.2 9.5"/>'],
  xCircle: ['<circle cx="12" cy="12" r="9"/>', '<path d="m9 9 6 6M15 9l-6 6"/>'],
  clock: ['<circle cx="12" cy="12" r="9"/>', '<path d="M12 7v5l3.2 2"/>'],
  shieldCheck: [
    '<path d="M12 3 19.5 6v5.8c0 4.5-3.2 8-7.5 9.2-4.3-1.2-7.5-4.7-7.5-9.2V6z"/>',
    '<path d="m8.8 12 2.3 2.3 4.3-4.6"/>',
  ],
  mapPin: ['<path d="M12 21s-6.5-5.8-6.5-11.2a6.5 6.5 0 0 1 13 0C18.5 15.2 12 21 12 21z"/>', '<circle cx="12" cy="9.8" r="2.4"/>'],
  phone: ['<rect x="7" y="2.5" width="10" height="19" rx="2.2"/>', '<path d="M11 18h2"/>'],
  calendar: ['<rect x="3.5" y="5" width="17" height="15.5" rx="2"/>', '<path d="M3.5 10h17M8 3v4M16 3v4"/>', '<path d="M8 14h3"/>'],
  logOut: ['<path d="M10 20H5.5a1.5 1.5 0 0 1-1.5-1.5v-13A1.5 1.5 0 0 1 5.5 4H10"/>', '<path d="m15.5 16.5 4.5-4.5-4.5-4.5"/>', '<path d="M20 12H9.5"/>'],
  textSize: ['<path d="m3 19 5-14 5 14"/>', '<path d="M5 14h6"/>', '<path d="m14.5 19 3-8 3 8"/>', '<path d="M15.6 16.2h3.8"/>'],
  briefcase: ['<rect x="3" y="7" width="18" height="13" rx="2"/>', '<path d="M9 7V5.2c0-.7.5-1.2 1.2-1.2h3.6c.7 0 1.2.5 1.2 1.2V7"/>', '<path d="M3 12.5h18"/>'],
  inbox: ['<path d="M3.5 13 6.5 5h11l3 8v5.5a1.5 1.5 0 0 1-1.5 1.5H5a1.5 1.5 0 0 1-1.5-1.5z"/>', '<path d="M3.5 13H8l1.2 2.5h5.6L16 13h4.5"/>'],
  clipboard: ['<rect x="5" y="4.5" width="14" height="17" rx="2"/>', '<path d="M9 3h6v3H9z"/>', '<path d="M8.5 11h7M8.5 15h4.5"/>'],
  info: ['<circle cx="12" cy="12" r="9"/>', '<path d="M12 11v5.5"/>', '<path d="M12 7.6h.01"/>'],
  alert: ['<circle cx="12" cy="12" r="9"/>', '<path d="M12 7.5v5.5"/>', '<path d="M12 16.4h.01"/>'],
  wifiOff: ['<path d="M3 3l18 18"/>', '<path d="M8.5 16.2a5 5 0 0 1 7 0"/>', '<path d="M5 12.6a10 10 0 0 1 4.2-2.4M14.8 10.2A10 10 0 0 1 19 12.6"/>', '<path d="M2 9a15 15 0 0 1 4.6-2.8M12 5.5A15 15 0 0 1 22 9"/>', '<path d="M12 19.8h.01"/>'],
  refresh: ['<path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3"/>', '<path d="M19.5 4.5v4.2h-4.2"/>'],
  sparkle: ['<path d="M12 3.5c.6 4.3 2.2 5.9 6.5 6.5-4.3.6-5.9 2.2-6.5 6.5-.6-4.3-2.2-5.9-6.5-6.5 4.3-.6 5.9-2.2 6.5-6.5z"/>', '<path d="M18.5 16v4M16.5 18h4"/>'],
  users: [
    '<circle cx="12" cy="7.5" r="3"/>',
    '<path d="M6.5 19.5c.3-3 2.6-5 5.5-5s5.2 2 5.5 5"/>',
    '<circle cx="5" cy="10" r="2"/>',
    '<path d="M2 17.5c.2-1.8 1.4-3 3-3.3"/>',
    '<circle cx="19" cy="10" r="2"/>',
    '<path d="M22 17.5c-.2-1.8-1.4-3-3-3.3"/>',
  ],
  message: ['<path d="M4 5.5h16v11H10l-4.5 3.5v-3.5H4z"/>', '<path d="M8 9.5h8M8 12.8h5"/>'],
  vote: ['<path d="M4 13.5h16v6.5H4z"/>', '<path d="M7.5 13.5V4h9v9.5"/>', '<path d="m9.8 8.7 1.7 1.7 3-3.2"/>'],
  camera: ['<path d="M4 8h3l1.5-2.5h7L17 8h3v11H4z"/>', '<circle cx="12" cy="13" r="3.3"/>'],
  bell: ['<path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15z"/>', '<path d="M10 20.5h4"/>'],
  star: ['<path d="m12 3.8 2.5 5.2 5.7.8-4.1 4 1 5.6L12 16.7l-5.1 2.7 1-5.6-4.1-4 5.7-.8z"/>'],
} as const

export type IconName = keyof typeof iconPaths
