/** What other modules may use of errands: nothing yet (points are paid through the points module's `awardPoints`). */
export {}
