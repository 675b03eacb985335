// Word lists for customers, their feedback and the managers' review notes.

export const firstNames = [
  "James", "Maria", "Robert", "Jennifer", "Michael", "Linda", "David", "Patricia", "William", "Elizabeth",
  "Carlos", "Sofia", "Daniel", "Jessica", "Anthony", "Ashley", "Kevin", "Emily", "Brian", "Amanda",
  "Jose", "Guadalupe", "Thanh", "Mei", "Wei", "Priya", "Arjun", "Fatima", "Omar", "Aaliyah",
  "DeShawn", "Keisha", "Tyler", "Brittany", "Kyle", "Megan", "Ethan", "Chloe", "Noah", "Olivia",
  "Liam", "Ava", "Mason", "Isabella", "Lucas", "Mia", "Hiroshi", "Yuki", "Sven", "Ingrid",
  "Connor", "Siobhan", "Mateo", "Valentina", "Darius", "Nadia", "Gregory", "Diane", "Frank", "Helen",
  "Ray", "Gloria", "Trevor", "Monique", "Alan", "Rosa", "Victor", "Lena", "Samuel", "Tanya",
];

export const lastNames = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
  "Nguyen", "Tran", "Kim", "Park", "Chen", "Wang", "Patel", "Shah", "Khan", "Ali",
  "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
  "Wright", "Scott", "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Reyes", "Cruz", "Morales",
  "Murphy", "O'Brien", "Kowalski", "Schmidt", "Novak", "Jensen", "Larsen", "Rossi", "Romano", "Cohen",
  "Brooks", "Price", "Bennett", "Hughes", "Foster", "Sanders", "Coleman", "Bryant", "Jenkins", "Perry",
];

/** Feedback left after a completed appointment, by rating. */
export const feedbackByRating: Record<number, readonly string[]> = {
  5: [
    "Quick, friendly and the car was washed when I picked it up. Will be back.",
    "The reminder call was helpful and the appointment ran right on time.",
    "Great service advisor, explained everything and no surprises on the bill.",
    "In and out in under an hour. Couldn't ask for more.",
    "Very professional. They showed me the worn parts before replacing anything.",
    "Booked through the phone assistant in two minutes, super easy.",
  ],
  4: [
    "Good work, took a little longer than quoted but they kept me updated.",
    "Friendly staff. Waiting area could use better Wi-Fi.",
    "Solid service, price was fair. Shuttle was a few minutes late.",
    "Happy with the repair. Would like a text when the car is ready.",
  ],
  3: [
    "Work was fine but I waited 30 minutes past my appointment time.",
    "Okay experience. The total was higher than the estimate on the phone.",
    "Car is fixed, but nobody called me when it was done.",
  ],
  2: [
    "Had to come back because a warning light was still on.",
    "Appointment was booked but they didn't have the part in stock.",
  ],
  1: [
    "Waited three hours for an oil change with an appointment. Not acceptable.",
    "Scratched my wheel during the tire rotation and nobody said anything.",
  ],
};

export const reviewNotes = [
  "Agent handled the objection well; good tone throughout.",
  "Customer asked about a loaner, confirm availability before the visit.",
  "Price quoted matches the menu. Fine.",
  "Customer sounded unsure about the recall being free; advisor to call back.",
  "Audio is choppy in the first 20 seconds.",
  "Good booking, used the customer's preferred time.",
  "Agent should have offered a Saturday slot.",
  "Listen to this one for training: clean confirmation.",
  "Customer was upset about earlier calls; marked for follow-up.",
  "Wrong number confirmed, phone removed from the record.",
];
