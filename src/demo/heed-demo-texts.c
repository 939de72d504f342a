/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "heed-demo-texts.h"

/* Complaints and concerns. */
const Story heed_demo_stories[] = {
  /* access */
  { "access", "gp-dentist", FOR_GP | BY_SELF, 1, 2,
    "Told I could not be referred to a specialist for my {cond}",
    "I have had {cond} for several months and asked {gp} to refer me to a specialist. I was told "
    "the practice could not refer me until I had tried another treatment, but nobody explained why "
    "or what would happen if that did not work either." },
  { "access", "admin-reception", FOR_GP | BY_REL | REL_ADULT, 2, 2,
    "{Rel} was refused a home visit despite being housebound",
    "{Rel} has not been able to leave the house since a fall. I rang on {day} morning to ask for a "
    "home visit and was told to bring {them} to the surgery or ring 111. In the end {they} went to "
    "A&E by ambulance." },
  { "access", "practice-management", FOR_BOTH | BY_ANY, 0, 1,
    "Registration as a new patient refused without a clear reason",
    "We moved to {town} in the summer and tried to register at the practice. The form came back "
    "with a note saying the list was closed, but a neighbour on the same street was registered "
    "the following week. Nobody would explain the decision." },
  { "access", "admin-reception", FOR_DENTAL | BY_SELF, 1, 3,
    "Told there were no NHS places and only private treatment was available",
    "I have been a patient here for years. When I rang about a broken {tooth} I was told the "
    "practice no longer had NHS places for adults and I would have to pay privately. Nobody had "
    "told me my NHS care had ended." },
  { "access", "admin-reception", FOR_GP | BY_SELF, 1, 1,
    "Asked for a female doctor and was told none was free for {weeks} weeks",
    "For personal and religious reasons I wanted to see a female GP about an intimate problem. "
    "Reception said the first appointment with a female doctor was in {weeks} weeks and offered "
    "nothing else in the meantime." },

  /* appointments */
  { "appointments", "admin-reception", FOR_GP | BY_SELF, 0, 3,
    "Could not get through on the phone at 8am for {n} days running",
    "I rang at 8am on {n} mornings in a row. Each time I was in a queue for over half an hour and "
    "when I got through all the appointments had gone. I was told to try again the next day." },
  { "appointments", "admin-reception", FOR_BOTH | BY_SELF, 0, 2,
    "Appointment cancelled by text the evening before with no alternative offered",
    "I had a text at 7pm the evening before my appointment saying it had been cancelled. There was "
    "no number to ring and no new appointment, and I had already taken the day off work." },
  { "appointments", "admin-reception", FOR_GP | BY_SELF, 1, 3,
    "Asked for an urgent appointment and was told to ring back the next morning",
    "I rang at {time} on {day} because my {cond} had got much worse. The receptionist said there "
    "were no urgent appointments left and I should ring back at 8am. Nobody asked about my "
    "symptoms or offered a call from a clinician." },
  { "appointments", "admin-reception", FOR_BOTH | BY_REL, 0, 1,
    "{Rels} appointment was booked for the wrong day",
    "I booked an appointment for {rel} on the phone and was told it was on {day}. When we arrived "
    "the receptionist said it had been the day before and {they} would have to rebook. {They} had "
    "arranged transport specially." },
  { "appointments", "admin-reception", FOR_GP | BY_SELF, 0, 1,
    "Online booking showed appointments that could not be booked",
    "The practice website showed free appointments with the nurse, but each time I tried to book "
    "one I got an error. When I rang I was told online booking had been switched off weeks ago." },
  { "appointments", "admin-reception", FOR_DENTAL | BY_SELF, 0, 2,
    "Check-up cancelled by the practice {n} times in a row",
    "My six-monthly check-up has been cancelled by the practice {n} times, each time at short "
    "notice. I have now not been seen for over a year and my {tooth} has become sensitive." },
  { "appointments", "gp-dentist", FOR_GP | BY_SELF, 1, 2,
    "Given a telephone appointment when I needed to be examined",
    "I explained that I had found a lump under my arm and wanted it looked at. I was given a "
    "telephone appointment instead, and {gp} then asked me to come in anyway, which meant waiting "
    "another {days} days." },

  /* clinical */
  { "clinical", "gp-dentist", FOR_GP | BY_SELF, 1, 3,
    "Doctor did not examine me properly and my {cond} got worse",
    "I saw {gp} on {day} about my {cond}. I was in and out in five minutes and was not examined. "
    "Three days later I was much worse and went to the walk-in centre, where I was treated "
    "straight away." },
  { "clinical", "gp-dentist", FOR_GP | BY_REL, 2, 2,
    "Concerned that {rels} chest infection was missed at two appointments",
    "{Rel} was seen twice in one week with a cough and a high temperature and was told both times "
    "that it was a virus. Two days later {they} was admitted to {hosp} with pneumonia." },
  { "clinical", "gp-dentist", FOR_GP | BY_SELF, 2, 1,
    "Told my ankle was sprained but it turned out to be broken",
    "I went to the surgery after a fall and {gp} said it was a sprain and did not send me for an "
    "X-ray. After {weeks} weeks of pain I went to {hosp}, where an X-ray showed a fracture." },
  { "clinical", "gp-dentist", FOR_DENTAL | BY_SELF, 0, 3,
    "Filling fell out two weeks after it was done",
    "I had a filling in my {tooth} on {day} and it fell out two weeks later while I was eating. "
    "I was told I would have to pay again to have it replaced." },
  { "clinical", "gp-dentist", FOR_DENTAL | BY_SELF, 1, 2,
    "Severe pain after an extraction and nobody would see me for a week",
    "After my {tooth} was taken out I was in severe pain for days. I rang the practice {n} times "
    "and was told there were no emergency slots until the following week, so I paid to see an "
    "emergency dentist elsewhere." },
  { "clinical", "gp-dentist", FOR_DENTAL | BY_SELF, 1, 2,
    "Crown does not fit and has had to be redone twice",
    "My new crown has never fitted properly. It has been redone twice and still catches when I "
    "bite. I have paid for the treatment and would like it put right or my money back." },
  { "clinical", "gp-dentist", FOR_GP | BY_REL | REL_ADULT, 2, 1,
    "Urgent referral for {rel} was not sent for {weeks} weeks",
    "{gp} told {rel} that {they} would be seen at {hosp} within two weeks because of a lump. After "
    "{weeks} weeks we rang the hospital and they had never received the referral." },
  { "clinical", "nursing", FOR_GP | BY_SELF, 1, 1,
    "Vaccination given in the arm I had asked the nurse to avoid",
    "I told the nurse that I have lymphoedema in my left arm and must not have injections there. "
    "The vaccination was given in my left arm anyway and the arm has been swollen since." },

  /* communications */
  { "communications", "admin-reception", FOR_BOTH | BY_SELF, 0, 3,
    "Nobody called me back although I was promised a call the same day",
    "I was told a {clin} would ring me back before the end of the day about my {cond}. I waited "
    "in all afternoon and nobody rang. When I rang the next morning there was no note of my "
    "call." },
  { "communications", "admin-reception", FOR_GP | BY_SELF, 1, 2,
    "Letter about my {test} results was sent to my old address",
    "I moved house {weeks} weeks ago and gave my new address at reception. The letter asking me "
    "to come in about my {test} results went to my old address, and I only found out when the "
    "new tenant passed it on." },
  { "communications", "admin-reception", FOR_BOTH | BY_SELF, 0, 2,
    "Reception and the doctor told me different things about my referral",
    "Reception told me my referral had been sent; {gp} then said it was still waiting to be "
    "typed. I have rung {n} times and been told something different each time." },
  { "communications", "practice-management", FOR_BOTH | BY_ANY, 0, 1,
    "Messages sent through the practice website were never answered",
    "I have used the contact form on the website {n} times over {weeks} weeks to ask about a "
    "review. I have not had a single reply, not even an automatic one." },
  { "communications", "admin-reception", FOR_BOTH | BY_REL, 0, 2,
    "Staff would not discuss {rels} care with me although consent is on file",
    "{Rel} signed a form last year saying the practice may talk to me about {their} care. When I "
    "rang about {their} {med}, reception said they could not discuss it and there was no consent "
    "on the record." },
  { "communications", "admin-reception", FOR_BOTH | BY_SELF, 0, 1,
    "Reminder texts sent to someone else's phone number",
    "A stranger contacted me to say they had been getting text reminders for my appointments for "
    "months. I gave reception my new number last year." },

  /* complaints handling */
  { "complaints-handling", "practice-management", FOR_BOTH | BY_SELF, 0, 1,
    "No reply to my complaint after {weeks} weeks",
    "I wrote to the practice manager {weeks} weeks ago about the way I was treated at reception. "
    "I have had no acknowledgement and no reply." },
  { "complaints-handling", "practice-management", FOR_BOTH | BY_SELF, 0, 1,
    "Complaint response did not answer the questions I asked",
    "The reply to my earlier complaint talked about the appointment system in general and did not "
    "answer the three questions in my letter. I would like a proper answer to each of them." },

  /* consent */
  { "consent", "other-clinical", FOR_GP | BY_SELF, 1, 1,
    "Blood taken for tests I had not agreed to",
    "The healthcare assistant took extra blood samples at my appointment and I later found out "
    "they were for tests nobody had mentioned. I would have said no to one of them." },
  { "consent", "gp-dentist", FOR_DENTAL | BY_SELF, 1, 2,
    "Treatment started before the cost was explained",
    "The dentist started root canal treatment on my {tooth} without telling me it would be "
    "charged at a higher band. I only found out the cost when I was asked to pay at the desk." },
  { "consent", "gp-dentist", FOR_GP | BY_REL, 1, 1,
    "{Rel} was given a new medicine without it being explained",
    "{Rel} came home from {their} appointment with a prescription for a new medicine and no idea "
    "what it was for or what the side effects might be. {They} says nobody asked whether {they} "
    "agreed to it." },

  /* end of life care */
  { "end-of-life", "gp-dentist", FOR_GP | BY_REL | REL_DIED, 2, 1,
    "End-of-life medicines for {rel} were not arranged in time",
    "In {their} last days {rel} needed medicines to keep {them} comfortable at home. The district "
    "nurses told us the practice had not sent the prescription, and it took until the evening to "
    "sort out. {They} was in pain for most of that day." },
  { "end-of-life", "practice-management", FOR_GP | BY_REL | REL_DIED, 1, 1,
    "Nobody from the practice contacted us after {rel} died",
    "{Rel} was a patient at the practice for over forty years. After {they} died at home nobody "
    "from the practice got in touch, and a reminder for {their} flu jab arrived a month later." },
  { "end-of-life", "gp-dentist", FOR_GP | BY_REL | REL_ADULT, 2, 1,
    "Resuscitation decision discussed with {rel} without the family there",
    "{gp} discussed a 'do not attempt resuscitation' decision with {rel} on the phone while {they} "
    "was on {their} own. {They} was very upset and did not understand what had been agreed." },

  /* facilities */
  { "facilities", "other", FOR_BOTH | BY_ANY, 0, 2,
    "Disabled parking bay taken and the ramp blocked by bins",
    "When I arrived on {day} the only disabled parking bay was taken by a staff car and the "
    "wheelchair ramp was blocked by the clinical waste bins. I had to go round the back of the "
    "building." },
  { "facilities", "other", FOR_BOTH | BY_ANY, 0, 1,
    "Waiting room cold and the toilet out of order for weeks",
    "The waiting room has been cold on my last {n} visits and the patient toilet has had an out "
    "of order sign on it for at least {weeks} weeks." },
  { "facilities", "other", FOR_GP | BY_SELF, 0, 1,
    "The hearing loop at reception does not work",
    "I wear hearing aids and rely on the loop. It has not worked at the reception desk for months "
    "and I had to ask the receptionist to write everything down." },
  { "facilities", "other", FOR_BOTH | BY_SELF, 1, 1,
    "Entrance door closed on my wheelchair",
    "The automatic door at the main entrance closed on my wheelchair as I was going through and "
    "trapped my hand. Staff said it had been doing that for a while." },

  /* integrated care */
  { "integrated-care", "gp-dentist", FOR_GP | BY_REL, 1, 2,
    "Hospital asked the practice to change {rels} {med}, but it was not done",
    "When {rel} was discharged from {hosp} the letter asked the GP to change the dose of {their} "
    "{med}. The change still had not been made {weeks} weeks later and {they} was back in "
    "hospital." },
  { "integrated-care", "admin-reception", FOR_GP | BY_SELF, 1, 1,
    "Hospital and practice each said the other should arrange my follow-up scan",
    "{Hosp} told me the practice would arrange my follow-up scan. The practice told me it was the "
    "hospital's job. {weeks} weeks on, nobody has booked it." },
  { "integrated-care", "admin-reception", FOR_GP | BY_REL | REL_ADULT, 1, 1,
    "District nurse visits stopped because the referral was not sent",
    "{Rels} dressings were changed by the district nurses until the practice was meant to send a "
    "new referral. It was never sent and we were left to manage the wound ourselves for {days} "
    "days." },

  /* patient care */
  { "patient-care", "admin-reception", FOR_GP | BY_REL | REL_ADULT, 1, 1,
    "{Rel} was left in the waiting room for an hour after feeling faint",
    "{Rel} told the receptionist {they} felt faint and sick. {They} was asked to take a seat and "
    "nobody checked on {them} for almost an hour, until another patient asked for help." },
  { "patient-care", "gp-dentist", FOR_BOTH | BY_SELF, 0, 3,
    "Felt rushed and dismissed in a ten-minute appointment",
    "I had written down three things to ask about and was told I could only discuss one. {gp} was "
    "typing the whole time and hardly looked at me. I left feeling nobody had listened." },
  { "patient-care", "gp-dentist", FOR_DENTAL | BY_SELF, 1, 2,
    "Dentist carried on when I said the treatment hurt",
    "I told the dentist several times that I could feel the drilling and asked for more "
    "anaesthetic. I was told it would only take a minute more and the treatment carried on." },
  { "patient-care", "gp-dentist", FOR_GP | BY_SELF, 1, 1,
    "No chaperone was offered for an intimate examination",
    "I had an intimate examination with {gp} on {day}. I was not offered a chaperone and did not "
    "feel able to ask for one, and I felt very uncomfortable." },

  /* prescribing */
  { "prescribing", "admin-reception", FOR_GP | BY_REL, 1, 3,
    "Repeat prescription for {rels} {med} was not ready after {days} days",
    "I ordered {rels} repeat prescription for {their} {med} on {day}. When I went to the pharmacy "
    "{days} days later it had not been sent. Reception said the request had not been signed, and "
    "{they} had only two days' supply left." },
  { "prescribing", "gp-dentist", FOR_GP | BY_SELF, 1, 2,
    "Pharmacy was sent the wrong dose of my {med}",
    "The pharmacy gave me a different strength of my {med} from the one I have taken for years "
    "and said that is what the practice sent. I took the wrong dose for {days} days before I "
    "noticed." },
  { "prescribing", "other-clinical", FOR_GP | BY_SELF, 1, 2,
    "My repeat prescription for {med} was stopped without anyone telling me",
    "When I ordered my repeat prescription my {med} was missing. I found out it had been taken "
    "off my list after a medication review I did not know had happened." },
  { "prescribing", "gp-dentist", FOR_GP | BY_SELF, 0, 1,
    "Told I must see a doctor before every prescription of my {med}",
    "I have taken {med} for years without any problems. I have now been told I must book an "
    "appointment every time I need more, and there are no appointments for {weeks} weeks." },
  { "prescribing", "gp-dentist", FOR_GP | BY_SELF, 1, 1,
    "Antibiotics refused for what turned out to be a kidney infection",
    "I asked for antibiotics because I had the same symptoms as my last kidney infection and was "
    "told to drink more water. Two days later I was treated at {hosp} for a kidney infection." },
  { "prescribing", "gp-dentist", FOR_DENTAL | BY_SELF, 1, 1,
    "Dentist would not prescribe antibiotics for an abscess",
    "My face was swollen from an abscess under my {tooth}. The dentist said antibiotics were not "
    "needed and I should wait for my next appointment in {weeks} weeks. NHS 111 gave me "
    "antibiotics that night." },

  /* privacy, dignity and wellbeing */
  { "privacy", "admin-reception", FOR_BOTH | BY_SELF, 1, 2,
    "Receptionist read out my personal details in front of the waiting room",
    "At the desk the receptionist read out my date of birth and the reason for my appointment "
    "loudly enough for everyone in the waiting room to hear. I know some of the people who were "
    "there." },
  { "privacy", "gp-dentist", FOR_BOTH | BY_SELF, 1, 1,
    "Conversation about my results could be heard in the corridor",
    "{gp} went through my {test} results with the door open while people waited in the corridor. "
    "I asked to close the door and was told it did not matter." },
  { "privacy", "admin-reception", FOR_GP | BY_SELF, 2, 1,
    "A letter with my results was sent to another patient",
    "Another patient with the same surname received a letter with my {test} results and brought "
    "it round to me. I am very worried about who else has seen my information." },

  /* record keeping */
  { "records", "gp-dentist", FOR_GP | BY_SELF, 1, 1,
    "My record says I have a condition I have never had",
    "I looked at my record in the NHS App and it says I have type 2 diabetes. I have never been "
    "told this and have never had the condition. I am worried it will affect my insurance." },
  { "records", "practice-management", FOR_BOTH | BY_SELF, 0, 2,
    "Request for a copy of my records not dealt with after {weeks} weeks",
    "I asked in writing for a copy of my records {weeks} weeks ago. I have had no reply, although "
    "I understand the practice has one month to respond." },
  { "records", "gp-dentist", FOR_GP | BY_REL, 2, 1,
    "{Rels} penicillin allergy was missing from {their} record",
    "{Rel} is allergic to penicillin and this has been on {their} record for years. {They} was "
    "prescribed amoxicillin last week and had a reaction; the pharmacist then noticed the allergy "
    "was no longer on the record." },

  /* test results */
  { "test-results", "gp-dentist", FOR_GP | BY_SELF, 1, 3,
    "Nobody told me my blood test results were abnormal",
    "I had a blood test on {day} and was told I would be contacted if anything was wrong. {weeks} "
    "weeks later, at an appointment for something else, {gp} told me the results had been "
    "abnormal and needed action." },
  { "test-results", "admin-reception", FOR_GP | BY_SELF, 0, 2,
    "Told to ring for results, then told results are not given over the phone",
    "After my {test} I was told to ring for the results after {days} days. When I rang I was told "
    "results are not given over the phone and I would need an appointment, the first of which was "
    "in {weeks} weeks." },
  { "test-results", "nursing", FOR_GP | BY_REL, 1, 1,
    "{Rels} {test} was lost and had to be repeated",
    "{Rel} had {their} {test} at the practice. When we rang for the result {days} days later we "
    "were told there was no record of it reaching the laboratory and {they} would have to have it "
    "done again." },
  { "test-results", "gp-dentist", FOR_DENTAL | BY_SELF, 0, 1,
    "X-ray from my check-up was never looked at",
    "I had an X-ray at my check-up because of pain in my {tooth}. At my next visit the dentist "
    "said nobody had looked at it, and the problem had got worse." },

  /* practice administration */
  { "administration", "admin-reception", FOR_BOTH | BY_SELF, 0, 1,
    "Charged for a letter I was told would be free",
    "I asked for a letter to support my housing application and was told there would be no "
    "charge. When I collected it I was asked for {fee} pounds." },
  { "administration", "admin-reception", FOR_GP | BY_SELF, 1, 1,
    "Fit note not issued in time and my sick pay was stopped",
    "I asked for a fit note {days} days before my last one ran out. It was not done until two "
    "weeks later and my employer stopped my sick pay in the meantime." },
  { "administration", "practice-management", FOR_DENTAL | BY_SELF, 1, 2,
    "Charged privately for what I was told was NHS treatment",
    "I was told my {treat} would be done on the NHS. The bill was for private treatment at "
    "several times the NHS charge, and nobody had explained this beforehand." },
  { "administration", "practice-management", FOR_BOTH | BY_SELF, 1, 1,
    "Removed from the practice list without warning",
    "I went to book an appointment and was told I had been removed from the list. I had no letter "
    "and no warning, and I have lived at the same address for years." },
  { "administration", "admin-reception", FOR_GP | BY_SELF, 0, 1,
    "Insurance form took {weeks} weeks to complete",
    "I paid the practice to fill in a medical form for my travel insurance claim. It took {weeks} "
    "weeks and I had to chase it {n} times." },

  /* values and behaviours */
  { "values-behaviours", "admin-reception", FOR_BOTH | BY_SELF, 0, 3,
    "Receptionist was abrupt when I asked for an urgent appointment",
    "I explained that I was worried about my {cond} and needed to be seen that day. The "
    "receptionist cut me off, said 'everyone says it's urgent' and told me to ring 111." },
  { "values-behaviours", "gp-dentist", FOR_GP | BY_SELF, 1, 2,
    "Doctor was dismissive and would not listen to my concerns about my {cond}",
    "I have been back {n} times about my {cond}. At my last appointment {gp} said there was "
    "nothing more to be done and that I was taking appointments other people needed." },
  { "values-behaviours", "admin-reception", FOR_BOTH | BY_SELF, 0, 1,
    "Staff member laughed when I asked for help with a form",
    "I asked at reception for help filling in the registration form because I struggle with "
    "reading. The member of staff laughed and said it was not difficult." },
  { "values-behaviours", "admin-reception", FOR_BOTH | BY_REL | REL_ADULT, 1, 1,
    "Receptionist was rude to {rel}, who has dementia",
    "{Rel} has dementia and gets confused on the phone. {They} came off a call with the practice "
    "in tears and said the receptionist had shouted at {them} for not knowing {their} date of "
    "birth straight away." },
  { "values-behaviours", "nursing", FOR_DENTAL | BY_SELF, 0, 1,
    "Dental nurse was rude when I arrived a few minutes late",
    "I was five minutes late because of the buses. The dental nurse told me in front of other "
    "patients that I was wasting the dentist's time and could be taken off the list." },

  /* waiting times */
  { "waiting-times", "gp-dentist", FOR_BOTH | BY_SELF, 0, 3,
    "Waited {mins} minutes past my appointment time without explanation",
    "My appointment was at {time} and I was not called in until {mins} minutes later. Nobody told "
    "us the clinic was running late or why, and I had to be away from work far longer than "
    "planned." },
  { "waiting-times", "admin-reception", FOR_GP | BY_SELF, 0, 2,
    "Waited {weeks} weeks for a routine appointment",
    "I asked for a routine appointment about my {cond} and the first one free was in {weeks} "
    "weeks. By the time I was seen I was much worse." },
  { "waiting-times", "admin-reception", FOR_GP | BY_REL, 0, 1,
    "Referral letter for {rel} took {weeks} weeks to be sent",
    "{gp} agreed to refer {rel} to {hosp} on {day}. When we chased the hospital {weeks} weeks "
    "later they had received nothing, and the practice said the letter was still waiting to be "
    "typed." },
  { "waiting-times", "gp-dentist", FOR_DENTAL | BY_SELF, 0, 1,
    "Waited {mins} minutes and then the appointment was cancelled",
    "I waited {mins} minutes in the waiting room and was then told the dentist had to leave and "
    "my appointment was cancelled. I had taken half a day off work." },

  /* other */
  { "other", "practice-management", FOR_BOTH | BY_ANY, 0, 1,
    "Practice leaflet and website give different opening hours",
    "The leaflet says the practice is open until 6.30pm on {day}s but the website says 6pm. I "
    "arrived at 6.10pm and the doors were locked." },
  { "other", "other", FOR_BOTH | BY_ANY, 0, 1,
    "Car park barrier locked while patients were still inside",
    "After an evening appointment I found the car park barrier had been locked. I had to wait "
    "{mins} minutes for someone to come and open it." },
};
const guint heed_demo_stories_n = G_N_ELEMENTS (heed_demo_stories);

/* Compliments: whom they thank is the element's staff group. */
const Story heed_demo_compliments[] = {
  { "clinical", "gp-dentist", FOR_GP | BY_ANY, 0, 3,
    "Thank you to {gp} for getting to the bottom of my {cond}",
    "I want to thank {gp}, who took my symptoms seriously and arranged tests the same day. I am "
    "now getting the treatment I need." },
  { "values-behaviours", "admin-reception", FOR_BOTH | BY_ANY, 0, 2,
    "Reception team were kind and patient with {rel}",
    "{Rel} gets anxious on the phone. The receptionist was patient and kind and made sure {they} "
    "understood what was happening. Please pass on our thanks." },
  { "patient-care", "nursing", FOR_GP | BY_ANY, 0, 2,
    "Nurse made my child's vaccinations calm and painless",
    "My little one is terrified of needles and {nurse} was wonderful, taking time over it and "
    "making it into a game. Thank you." },
  { "end-of-life", "gp-dentist", FOR_GP | BY_ANY, 0, 1,
    "Card from a family thanking the practice for their father's care",
    "A card from the family of a patient who died recently, thanking the doctors and nurses for "
    "the care and kindness shown to him and to them in his last weeks at home." },
  { "clinical", "gp-dentist", FOR_DENTAL | BY_ANY, 0, 3,
    "Excellent care from the dentist during a difficult extraction",
    "I was dreading having my {tooth} out. {gp} explained each step, checked I was comfortable, "
    "and it was over much faster than I expected." },
  { "appointments", "admin-reception", FOR_BOTH | BY_ANY, 0, 2,
    "Phone answered quickly and a same-day appointment found",
    "I rang at {time} expecting a long wait and got straight through. The receptionist found me "
    "an appointment that afternoon. Thank you." },
  { "access", "gp-dentist", FOR_GP | BY_ANY, 0, 1,
    "Thank you for arranging a home visit so promptly",
    "{gp} visited {rel} at home on the day I rang and arranged everything {they} needed. We are "
    "very grateful." },
  { "prescribing", "other-clinical", FOR_GP | BY_ANY, 0, 1,
    "The pharmacist explained my medication review clearly",
    "The practice pharmacist went through all my medicines with me, stopped two I no longer "
    "needed and explained everything in plain language." },
  { "patient-care", "nursing", FOR_GP | BY_ANY, 0, 1,
    "Flu clinic ran smoothly and on time",
    "The Saturday flu clinic was very well organised. I was in and out in ten minutes and "
    "everyone was cheerful." },
  { "patient-care", "other-clinical", FOR_DENTAL | BY_ANY, 0, 2,
    "Hygienist explained everything clearly and was very gentle",
    "I have always hated having my teeth cleaned, but the hygienist explained everything, was "
    "very gentle and gave me useful tips for looking after my gums." },
  { "values-behaviours", "admin-reception", FOR_BOTH | BY_ANY, 0, 1,
    "Receptionist went out of her way to help me register",
    "I had just moved to {town} and did not have all my papers. The receptionist helped me fill "
    "in the forms and checked everything was sorted the following week." },
  { "access", "admin-reception", FOR_GP | BY_ANY, 0, 1,
    "Online booking is quick and easy to use",
    "Just wanted to say the new online booking works really well. I booked my review in two "
    "minutes on my phone." },
  { "complaints-handling", "practice-management", FOR_BOTH | BY_ANY, 0, 1,
    "The practice manager sorted out my problem in one phone call",
    "I rang to complain about a billing mix-up and the practice manager listened, apologised and "
    "sorted it out there and then." },
  { "integrated-care", "admin-reception", FOR_GP | BY_ANY, 0, 1,
    "Thank you for chasing my hospital referral",
    "The secretary chased {hosp} {n} times on my behalf and finally got me an appointment. I "
    "would not have known where to start." },
  { "facilities", "other", FOR_BOTH | BY_ANY, 0, 1,
    "The redecorated waiting room looks lovely",
    "The waiting room is so much brighter since it was redecorated, and the children's corner "
    "is a great idea." },
  { "values-behaviours", "gp-dentist", FOR_BOTH | BY_ANY, 0, 3,
    "{gp} took time to listen and did not rush me",
    "I came in with several worries and {gp} listened to all of them without rushing me. I left "
    "feeling much better about everything." },
  { "patient-care", "nursing", FOR_DENTAL | BY_ANY, 0, 2,
    "Nervous patient thanks the dental team for their patience",
    "I have avoided the dentist for years because of nerves. The whole team were patient and "
    "reassuring, and I have booked my next check-up." },
  { "test-results", "nursing", FOR_GP | BY_ANY, 0, 1,
    "Test results explained clearly over the phone",
    "{nurse} rang me with my {test} results and took the time to explain what they meant and "
    "what happens next." },
  { "communications", "admin-reception", FOR_BOTH | BY_ANY, 0, 1,
    "Reminder texts mean I never miss an appointment now",
    "The reminder texts the day before are really helpful. Thank you for setting them up." },
  { "clinical", "nursing", FOR_GP | BY_ANY, 0, 1,
    "Thank you to {nurse} for looking after my leg ulcer",
    "{nurse} has dressed my leg ulcer every week for three months and it has finally healed. I "
    "could not have asked for better care." },
};
const guint heed_demo_compliments_n = G_N_ELEMENTS (heed_demo_compliments);

/* Comments and suggestions. */
const Story heed_demo_comments[] = {
  { "access", "practice-management", FOR_BOTH | BY_ANY, 0, 2,
    "Suggests opening on Saturday mornings",
    "Would it be possible to open on Saturday mornings, even once a month? I work shifts and find "
    "it very hard to get to the surgery during the week." },
  { "facilities", "other", FOR_BOTH | BY_ANY, 0, 1,
    "Asks for drinking water in the waiting room",
    "It would be good to have a water fountain or cups of water in the waiting room, especially "
    "in summer." },
  { "facilities", "other", FOR_BOTH | BY_ANY, 0, 1,
    "More chairs with arms would help older patients",
    "Many of the waiting room chairs have no arms, which makes it hard for older patients like me "
    "to get up." },
  { "communications", "practice-management", FOR_GP | BY_ANY, 0, 1,
    "Website should say which doctors work on which days",
    "It would help to know which doctors work on which days so I can ask for the one who knows "
    "me." },
  { "prescribing", "admin-reception", FOR_GP | BY_ANY, 0, 1,
    "Would like a text when a repeat prescription is due",
    "A text reminder when my {med} is due for reordering would stop me running out." },
  { "facilities", "other", FOR_BOTH | BY_ANY, 0, 1,
    "Car park lighting is poor in the evenings",
    "The car park is very dark after evening surgery and I nearly tripped on the kerb." },
  { "patient-care", "practice-management", FOR_BOTH | BY_ANY, 0, 1,
    "Suggests a quiet area for patients with autism",
    "My son is autistic and finds the waiting room very noisy. A quiet corner or a room to wait "
    "in would make a big difference." },
  { "facilities", "other", FOR_BOTH | BY_ANY, 0, 1,
    "Music in the waiting room is too loud",
    "The radio in the waiting room is so loud that it is hard to hear my name being called." },
  { "appointments", "admin-reception", FOR_GP | BY_ANY, 0, 1,
    "Would like to book nurse appointments online",
    "Could nurse appointments be bookable online like the doctors' ones?" },
  { "communications", "practice-management", FOR_BOTH | BY_ANY, 0, 1,
    "Asks for leaflets in Polish and Urdu",
    "Several people I know struggle with the leaflets in English. Could some be printed in Polish "
    "and Urdu?" },
  { "facilities", "other", FOR_BOTH | BY_ANY, 0, 1,
    "Suggests a baby-changing table in the downstairs toilet",
    "There is nowhere to change a baby downstairs, and the lift is often out of use." },
  { "appointments", "admin-reception", FOR_DENTAL | BY_ANY, 0, 1,
    "Would like evening appointments with the hygienist",
    "I can never make daytime hygienist appointments because of work. Evening appointments would "
    "help." },
  { "communications", "admin-reception", FOR_BOTH | BY_ANY, 0, 1,
    "Phone message should say how many people are waiting",
    "When I ring, it would help to be told my place in the queue so I know whether to hold on." },
};
const guint heed_demo_comments_n = G_N_ELEMENTS (heed_demo_comments);

const Learning heed_demo_learnings[] = {
  { "access",
    "The request should have been passed to a clinician rather than refused at reception; the "
    "practice's own policy was not followed.",
    "The decision followed the practice's policy and national guidance, and alternatives were "
    "offered at the time.",
    "Requests that reception cannot meet are now passed to the duty doctor instead of being "
    "refused.",
    "You told us it was hard to get help when you could not come to the surgery.",
    "We now pass every home visit request to the duty doctor, who calls back the same morning.",
    "Pass all access requests that reception cannot meet to the duty doctor",
    "Every such request is seen by a clinician the same day",
    "Weekly check of the duty doctor's log by the practice manager",
    "No further complaints about refused requests over six months" },
  { "appointments",
    "The appointment system gave no way to be seen or called back once the day's appointments had "
    "gone.",
    "Appointments were released as advertised and the next available one was offered, which was "
    "reasonable.",
    "Callers are now offered a call-back when the day's appointments have gone.",
    "You said it was hard to get through on the phone at 8am.",
    "We added two more phone lines in the morning and a call-back option, so you do not have to "
    "wait in the queue.",
    "Add a call-back option to the telephone system for the morning rush",
    "Every caller still queuing at 8.30am is offered a call-back",
    "Telephone system reports reviewed weekly by the assistant practice manager",
    "Average wait to answer under ten minutes; fewer complaints about getting through" },
  { "clinical",
    "The independent clinical review found that the assessment fell below the expected standard: "
    "an examination should have been done.",
    "The independent clinical review found the assessment and advice reasonable on the information "
    "available at the time.",
    "The clinicians discussed the case as a significant event and agreed when to examine in person "
    "rather than advise by phone.",
    "You told us you did not feel properly examined.",
    "Our clinicians reviewed how they choose between phone and face-to-face appointments, and you "
    "can now always ask to be seen in person.",
    "Discuss the case at the clinical meeting as a significant event and agree the learning",
    "Significant event analysis written up and shared with all clinicians",
    "Clinical lead audits ten random consultations a month for the agreed standard",
    "Audit shows examinations recorded wherever guidance calls for them" },
  { "communications",
    "The call-back request was recorded but never passed to the clinician, so the promised call "
    "was not made.",
    "The records show the information given was accurate and consistent, and replies were sent "
    "within the time promised.",
    "Call-back requests now go on a shared task list that is checked before the end of each "
    "session.",
    "You said you were promised call-backs that never came.",
    "Every call-back request now goes on a task list that is checked before the end of each "
    "session.",
    "Move call-back requests onto a shared task list checked at the end of each session",
    "No call-back request left open at the end of the day",
    "End-of-day check signed off by the reception team leader",
    "No complaints about missed call-backs for three months" },
  { "complaints-handling",
    "The earlier complaint was not acknowledged within three working days and the reply did not "
    "answer each point raised.",
    "The earlier complaint was handled within the agreed timescales and each point was answered.",
    "Complaints are now logged on the day they arrive so their deadlines are visible to the "
    "whole team.",
    "You told us we were slow to reply to your complaint.",
    "Complaints are now logged the day they arrive and their deadlines are checked every "
    "morning.",
    "Log every complaint on the day it arrives and review deadlines at the daily huddle",
    "Every complaint acknowledged within three working days",
    "Monthly report of acknowledgement times to the partners",
    "All complaints acknowledged on time for a full quarter" },
  { "consent",
    "Consent was not properly obtained and recorded before the procedure.",
    "The records show the procedure and its cost were explained and consent was recorded.",
    "Consent for additional tests and treatment is now recorded in the notes before they are "
    "done.",
    "You said tests were done without your agreement.",
    "Staff now explain every test before it is done and record that you agreed.",
    "Update the consent procedure and brief all clinical staff on it",
    "Consent recorded for every procedure in a monthly sample of records",
    "Monthly notes audit by the lead nurse",
    "Every sampled record shows documented consent" },
  { "end-of-life",
    "The prescription for end-of-life medicines was delayed because the request was not flagged "
    "as urgent.",
    "The records show the medicines were prescribed promptly once the request reached the "
    "practice.",
    "Requests for end-of-life medicines are now flagged urgent and dealt with by the duty doctor "
    "within the hour.",
    "You told us end-of-life medicines took too long to arrange.",
    "These requests are now flagged urgent and the duty doctor deals with them within the hour.",
    "Set up an urgent route for requests for anticipatory medicines",
    "Requests dealt with within one hour during opening times",
    "Each request reviewed at the monthly palliative care meeting",
    "No delays reported by the district nursing team" },
  { "facilities",
    "The ramp and the disabled bay were not kept clear; staff had not been told where the bins "
    "should go.",
    "The facilities were checked and found to be in working order and accessible on the day.",
    "Daily opening checks now include the ramp, the disabled bay and the hearing loop.",
    "You said the entrance was hard to use in a wheelchair.",
    "We moved the bins, marked the disabled bay more clearly and added the ramp to our daily "
    "checks.",
    "Add the ramp, the disabled bay and the hearing loop to the daily opening checklist",
    "Checklist completed every morning before the doors open",
    "Checklist reviewed weekly by the assistant practice manager",
    "No access problems reported in the next patient survey" },
  { "integrated-care",
    "The hospital's request arrived but was not acted on, because discharge letters were not "
    "being reviewed by a clinician.",
    "The practice acted on the hospital's letter as soon as it arrived; the delay was at the "
    "hospital.",
    "Discharge letters are now reviewed by a clinician within two working days.",
    "You told us changes asked for by the hospital were not made.",
    "A clinician now reviews every hospital letter within two working days.",
    "Review every discharge letter by a clinician within two working days",
    "Every letter coded and acted on within two working days",
    "Weekly workflow report checked by the practice manager",
    "No discharge letters older than two working days in monthly spot checks" },
  { "patient-care",
    "The patient's needs were not properly assessed and nobody checked on them while they waited.",
    "Staff responded appropriately and the patient was seen as soon as it was safe to do so.",
    "Reception staff now alert a clinician straight away when a patient says they feel unwell in "
    "the waiting room.",
    "You said nobody checked on a patient who felt unwell in the waiting room.",
    "Reception staff have been trained to alert a clinician straight away, and a clinician now "
    "checks the waiting room every hour.",
    "Train reception staff to recognise patients who become unwell in the waiting room",
    "All reception staff trained within three months",
    "Training records checked by the practice manager",
    "No repeat incidents; staff report feeling confident to raise the alarm" },
  { "prescribing",
    "The repeat prescription request was received but not dealt with in the practice's stated "
    "turnaround time.",
    "The prescription was issued within the practice's stated turnaround time; the delay was at "
    "the pharmacy.",
    "Repeat prescription requests are now tracked so none waits more than two working days.",
    "You told us repeat prescriptions were not always ready on time.",
    "We now track every request and issue it within two working days.",
    "Track repeat prescription requests and clear the list every day",
    "Every request issued within two working days",
    "Daily report from the clinical system checked by the prescription clerk",
    "Fewer than one late prescription a month" },
  { "privacy",
    "Personal information was disclosed where others could hear it, which should not have "
    "happened.",
    "No evidence was found that personal information was shared with anyone who should not have "
    "it.",
    "Staff now ask patients to confirm their details rather than reading them aloud, and offer a "
    "private room.",
    "You said your personal details could be overheard at reception.",
    "Staff now ask you to confirm your details instead of reading them out, and you can ask to "
    "speak in a private room.",
    "Refresh information governance training for the reception team",
    "All reception staff complete the training within one month",
    "Training log checked by the practice manager",
    "No privacy complaints in the following six months" },
  { "records",
    "The record held an error that should have been caught when the letter was filed.",
    "The record is accurate and matches the information the practice received.",
    "Letters that add a diagnosis are now checked by a clinician before the code goes on the "
    "record.",
    "You told us your record contained mistakes.",
    "A clinician now checks any new diagnosis before it is added to your record.",
    "Correct the record and check the coding of incoming letters",
    "Diagnosis codes from letters checked by a clinician",
    "Monthly coding audit of twenty records",
    "Coding errors below one in a hundred in the audit" },
  { "test-results",
    "The abnormal result was filed as normal and the patient was not contacted.",
    "The result was reviewed promptly and the patient contacted in line with the practice's "
    "process.",
    "Every abnormal result now has a named clinician who makes sure the patient is told.",
    "You told us you were not told about an abnormal test result.",
    "Every abnormal result now has a named clinician who makes sure you are told.",
    "Assign a named clinician to follow up every abnormal result",
    "All abnormal results acted on within three working days",
    "Weekly report of results not yet acted on, reviewed by the lead clinician",
    "No abnormal results left unactioned for more than three days" },
  { "administration",
    "The fee was not explained in advance, contrary to the practice's policy on non-NHS work.",
    "The fee was set out in the practice leaflet and explained when the request was made.",
    "Fees are now explained and agreed in writing before any work starts.",
    "You said you were charged a fee you had not been told about.",
    "We now tell you about any fee and ask you to agree it before we start.",
    "Publish fees and agree them in writing before work starts",
    "Written agreement on file for every fee charged",
    "Quarterly check of fee records by the practice manager",
    "No complaints about unexpected fees" },
  { "values-behaviours",
    "The member of staff accepted that they had spoken in a way that was not acceptable and has "
    "apologised.",
    "The accounts of the staff and of a patient who saw what happened did not support this part "
    "of the complaint.",
    "The whole team attended customer care training, and the reception team now debriefs after "
    "difficult calls.",
    "You told us a member of staff was rude to you.",
    "The whole team has had customer care training, and we have changed how we handle the busiest "
    "times.",
    "Arrange customer care training for the reception team",
    "All reception staff attend within three months",
    "Attendance recorded and feedback collected by the practice manager",
    "Fewer Friends and Family Test comments about reception staff" },
  { "waiting-times",
    "The clinic ran late and patients were not told, as the practice's own procedure requires.",
    "The delay was caused by an emergency, and patients were told and offered another "
    "appointment.",
    "Reception now tells patients when a clinic is running more than 20 minutes late and offers to "
    "rebook.",
    "You said you were kept waiting without being told why.",
    "We now tell you when a clinic is running more than 20 minutes late and offer you another "
    "appointment.",
    "Show clinic delays on the waiting room screen and tell patients when they check in",
    "Patients told of any delay over 20 minutes",
    "Spot checks by the reception team leader",
    "Fewer complaints about waiting without explanation" },
  { "other",
    "The practice accepted that the information it gave was wrong.",
    "The practice found that the information given was correct.",
    "Published information is now checked every quarter.",
    "You told us our information was out of date.",
    "We corrected our leaflet and website and now check them every quarter.",
    "Check the leaflet, website and posters against each other every quarter",
    "All published information agrees",
    "Quarterly check by the assistant practice manager",
    "No complaints about wrong information" },
};
const guint heed_demo_learnings_n = G_N_ELEMENTS (heed_demo_learnings);

const char *const heed_demo_generic_upheld[] = {
  "The records confirm what the complainant described; the practice's own procedure was not "
  "followed.",
  "The staff involved accepted that this was not handled as it should have been.",
  "The investigation found a gap in the process: nobody was responsible for checking this.",
};
const guint heed_demo_generic_upheld_n = G_N_ELEMENTS (heed_demo_generic_upheld);

const char *const heed_demo_generic_not_upheld[] = {
  "The records show the practice acted in line with its procedures and national guidance.",
  "No evidence was found to support this part of the complaint; the accounts of the staff "
  "involved were consistent with the records.",
  "The decision was reasonable on the information available at the time and was explained "
  "to the patient.",
};
const guint heed_demo_generic_not_upheld_n = G_N_ELEMENTS (heed_demo_generic_not_upheld);

const char *const heed_demo_partly_findings[] = {
  "Part of this was upheld: the decision itself was reasonable, but it was not explained "
  "clearly.",
  "Part of this was upheld: the right thing was done in the end, but only after an avoidable "
  "delay.",
};
const guint heed_demo_partly_findings_n = G_N_ELEMENTS (heed_demo_partly_findings);

const char *const heed_demo_element_responses[] = {
  /* upheld */
  "We are sorry. You were right that this should not have happened, and we have set out what we "
  "have changed as a result.",
  /* partly upheld */
  "We found that part of this was handled badly, and we apologise for that. We have explained "
  "why we believe the rest was reasonable.",
  /* not upheld */
  "We have looked into this carefully and explained why we believe the care you received was "
  "reasonable. We are sorry that it left you feeling this way.",
};
const guint heed_demo_element_responses_n = G_N_ELEMENTS (heed_demo_element_responses);

const char *const heed_demo_outcomes_wanted[] = {
  "An apology.",
  "An explanation of what went wrong.",
  "An apology and an assurance that it will not happen to anyone else.",
  "To see a different doctor in future.",
  "For the practice to change the way it does this.",
  "A meeting with the practice manager.",
  "For the member of staff to be spoken to.",
  "To understand why the decision was made.",
};
const guint heed_demo_outcomes_wanted_n = G_N_ELEMENTS (heed_demo_outcomes_wanted);

const char *const heed_demo_outcome_notes[] = {
  "An apology and an explanation are realistic; any refund depends on what the investigation "
  "finds.",
  "A meeting can be offered. Any action about a member of staff is a matter for the practice "
  "and will not be shared.",
  "Realistic.",
  "Realistic, once the records have been checked.",
};
const guint heed_demo_outcome_notes_n = G_N_ELEMENTS (heed_demo_outcome_notes);

const char *const heed_demo_how_affected[] = {
  "I was very anxious and lost sleep over it.",
  "I had to take another day off work.",
  "My condition got worse while I waited.",
  "{Rel} was very distressed.",
  "I had to pay for private treatment.",
  "I felt humiliated in front of other patients.",
  "It has shaken my trust in the practice.",
};
const guint heed_demo_how_affected_n = G_N_ELEMENTS (heed_demo_how_affected);

const char *const heed_demo_late_reasons[] = {
  "I was in hospital for several months afterwards and could not deal with it until now.",
  "I only found out what had happened when I read my records last month.",
  "I was caring for my husband through his final illness and could not face it until now.",
  "I did not know I could complain until an advocate told me.",
};
const guint heed_demo_late_reasons_n = G_N_ELEMENTS (heed_demo_late_reasons);

const char *const heed_demo_withdrawal_reasons[] = {
  "The complainant was happy with the explanation given on the phone and did not want to take "
  "it further.",
  "The complainant has moved away and no longer wishes to pursue the complaint.",
  "Resolved when the prescription was issued; the complainant asked to withdraw the complaint.",
  "The complainant decided to take the matter up with the hospital instead.",
};
const guint heed_demo_withdrawal_reasons_n = G_N_ELEMENTS (heed_demo_withdrawal_reasons);

const char *const heed_demo_out_of_scope_reasons[] = {
  "The complaint is about the hospital's care, not the practice's; passed to the hospital's "
  "complaints team with the complainant's consent.",
  "The matter is already the subject of a legal claim.",
  "It is about a private medical report for an insurer, which is dealt with under the practice's "
  "policy for private work.",
  "The events took place at another practice; the complainant was given its details.",
};
const guint heed_demo_out_of_scope_reasons_n = G_N_ELEMENTS (heed_demo_out_of_scope_reasons);

const char *const heed_demo_safeguarding_notes[] = {
  "Concern that the person affected may not be getting enough care at home; discussed with the "
  "practice safeguarding lead and referred to adult social care.",
  "The complaint mentions unexplained bruising on a child seen at the practice; the safeguarding "
  "lead was told and a referral made.",
  "The complainant said they feel unsafe at home; the safeguarding lead was told the same day.",
};
const guint heed_demo_safeguarding_notes_n = G_N_ELEMENTS (heed_demo_safeguarding_notes);

const char *const heed_demo_needs[] = {
  "Hard of hearing: prefers email or letter.",
  "Uses a wheelchair: needs the ground-floor meeting room.",
  "Dyslexic: would like things explained by phone as well as in writing.",
  "Works nights: please call after 2pm.",
  "Needs an interpreter for meetings.",
  "Has a learning disability: easy-read letters, please.",
};
const guint heed_demo_needs_n = G_N_ELEMENTS (heed_demo_needs);

const char *const heed_demo_update_arrangements[] = {
  "Phone call every two weeks",
  "Email update every Friday",
  "Letter at each stage",
  "Through the advocate",
  "Phone call after 5pm; answerphone messages are fine",
};
const guint heed_demo_update_arrangements_n = G_N_ELEMENTS (heed_demo_update_arrangements);

const char *const heed_demo_plans[] = {
  "Review the records and the appointment log, ask the staff involved for written accounts, and "
  "send a full written response by {date}.",
  "Independent clinical review by a GP from another practice; a meeting offered once the review "
  "is complete; written response by {date}.",
  "Phone the complainant, check the prescription records and reply in writing by {date}.",
  "Listen to the call recording, speak to the reception team and write with the findings by "
  "{date}.",
};
const guint heed_demo_plans_n = G_N_ELEMENTS (heed_demo_plans);

const char *const heed_demo_survey_comments[] = {
  "Kept me informed all the way through.",
  "Took longer than I expected, but the reply was thorough.",
  "I felt listened to.",
  "The letter was clear and honest.",
  "Nothing has changed as far as I can see.",
  "I would have preferred a phone call to a long letter.",
  "The practice manager was very understanding.",
  "I still do not agree with the outcome, but I was treated fairly.",
};
const guint heed_demo_survey_comments_n = G_N_ELEMENTS (heed_demo_survey_comments);

const char *const heed_demo_ombudsman_recommendations[] = {
  "Apologise in writing for the failings identified and pay 250 pounds in recognition of the "
  "distress caused.",
  "Apologise in writing and pay 500 pounds in recognition of the time and trouble of pursuing "
  "the complaint.",
  "Review the repeat prescribing process and share the learning with staff within three months.",
  "Write an action plan showing how the practice will prevent this happening again and send it "
  "to the Ombudsman within three months.",
};
const guint heed_demo_ombudsman_recommendations_n =
  G_N_ELEMENTS (heed_demo_ombudsman_recommendations);

const RestrictionText heed_demo_restriction_texts[] = {
  { "single-contact", "All contact through the practice manager only.",
    "Repeated calls to several members of staff each day, some of them abusive, after the "
    "complaint had been answered." },
  { "contact-method", "Contact by email only; emails answered within five working days.",
    "Long phone calls raising the same points again after the final response." },
  { "limited-calls", "One call a week, on Wednesdays between 10am and 12 noon.",
    "Over forty calls in two weeks about the same complaint, taking up the reception team's "
    "time." },
  { "witness-present", "A second member of staff present at all meetings and appointments.",
    "Threatening behaviour towards a receptionist at the front desk." },
  { "other",
    "Letters about the closed complaint will be read and filed but not answered unless they raise "
    "something new.",
    "Continued correspondence about a complaint that has been fully answered and referred to the "
    "Ombudsman." },
};
const guint heed_demo_restriction_texts_n = G_N_ELEMENTS (heed_demo_restriction_texts);

/* Words that vary from case to case. */
const char *const heed_demo_conditions[] = {
  "back pain", "headaches", "stomach pain", "dizzy spells", "knee pain", "breathing problems",
  "eczema", "migraines", "anxiety", "earache", "shoulder pain", "chest pain", "heartburn",
  "sleep problems",
};
const guint heed_demo_conditions_n = G_N_ELEMENTS (heed_demo_conditions);

const char *const heed_demo_medicines[] = {
  "blood pressure tablets", "inhalers", "insulin", "thyroid tablets", "antidepressants",
  "HRT patches", "eczema cream", "statins", "epilepsy medication", "painkillers", "warfarin",
  "diabetes tablets", "eye drops", "heart tablets",
};
const guint heed_demo_medicines_n = G_N_ELEMENTS (heed_demo_medicines);

/* What a child is likely to be prescribed. */
const char *const heed_demo_child_medicines[] = {
  "inhalers", "eczema cream", "epilepsy medication", "ADHD medication",
};
const guint heed_demo_child_medicines_n = G_N_ELEMENTS (heed_demo_child_medicines);

const char *const heed_demo_tests[] = {
  "blood test", "urine test", "smear test", "ECG", "swab test", "cholesterol test",
  "liver function test",
};
const guint heed_demo_tests_n = G_N_ELEMENTS (heed_demo_tests);

const char *const heed_demo_teeth[] = {
  "back tooth", "front tooth", "wisdom tooth", "lower molar", "upper molar",
};
const guint heed_demo_teeth_n = G_N_ELEMENTS (heed_demo_teeth);

const char *const heed_demo_treatments[] = {
  "filling", "crown", "root canal treatment", "bridge", "denture", "extraction",
};
const guint heed_demo_treatments_n = G_N_ELEMENTS (heed_demo_treatments);

const char *const heed_demo_weekdays[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
};
const guint heed_demo_weekdays_n = G_N_ELEMENTS (heed_demo_weekdays);

const char *const heed_demo_clock_times[] = {
  "8.10am", "8.50am", "9.40am", "10.15am", "11.30am", "2.20pm", "3.45pm", "4.10pm", "5.30pm",
};
const guint heed_demo_clock_times_n = G_N_ELEMENTS (heed_demo_clock_times);

const char *const heed_demo_fees[] = { "15", "20", "25", "30", "40" };
const guint heed_demo_fees_n = G_N_ELEMENTS (heed_demo_fees);

const char *const heed_demo_hospitals[] = {
  "Exampleton General Hospital", "Sampleford Community Hospital", "Testbury Royal Infirmary",
};
const guint heed_demo_hospitals_n = G_N_ELEMENTS (heed_demo_hospitals);

/* People: ordinary names, made-up places. */
const char *const heed_demo_female_names[] = {
  "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lily", "Chloe", "Jessica",
  "Hannah", "Sarah", "Rebecca", "Laura", "Emma", "Charlotte", "Lucy", "Rachel", "Claire", "Nicola",
  "Joanne", "Karen", "Susan", "Julie", "Helen", "Deborah", "Tracey", "Amanda", "Margaret",
  "Patricia", "Jean", "Elizabeth", "Mary", "Dorothy", "Joan", "Barbara", "Priya", "Fatima",
  "Aisha", "Zofia", "Siobhan", "Bethan", "Eilidh", "Megan",
};
const guint heed_demo_female_names_n = G_N_ELEMENTS (heed_demo_female_names);

const char *const heed_demo_male_names[] = {
  "Oliver", "George", "Harry", "Jack", "Noah", "Charlie", "Jacob", "Alfie", "Thomas", "James",
  "William", "Daniel", "Matthew", "Christopher", "David", "Andrew", "Paul", "Mark", "Stephen",
  "Richard", "Peter", "John", "Michael", "Robert", "Brian", "Kenneth", "Ronald", "Derek", "Graham",
  "Gareth", "Rhys", "Callum", "Euan", "Mohammed", "Imran", "Arjun", "Tomasz", "Kwame", "Connor",
  "Liam",
};
const guint heed_demo_male_names_n = G_N_ELEMENTS (heed_demo_male_names);

const char *const heed_demo_surnames[] = {
  "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
  "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes",
  "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin",
  "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison",
  "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett",
  "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins",
  "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson",
  "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers",
  "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes",
  "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens",
  "Murray", "Dixon", "Harvey", "Kowalski", "Nowak", "Okoro", "MacLeod", "O'Neill",
};
const guint heed_demo_surnames_n = G_N_ELEMENTS (heed_demo_surnames);

const char *const heed_demo_streets[] = {
  "Example Road", "Sample Street", "Specimen Lane", "Placeholder Close", "Fiction Avenue",
  "Demo Crescent", "Mock Terrace", "Pretend Place", "Imaginary Way", "Model Gardens",
  "Prototype Grove", "Illustration Square", "Template Walk", "Trial Street", "Draft Mews",
};
const guint heed_demo_streets_n = G_N_ELEMENTS (heed_demo_streets);

const char *const heed_demo_house_names[] = {
  "Rose Cottage", "The Old Forge", "Flat 2", "Flat 5", "Orchard House", "The Bungalow",
};
const guint heed_demo_house_names_n = G_N_ELEMENTS (heed_demo_house_names);

/* Made-up towns, with postcode areas that no real town uses. */
const DemoTown heed_demo_towns[] = {
  { "Exampleton", "EA" }, { "Sampleford", "SF" }, { "Testbury", "TB" },
  { "Mockbridge", "MB" }, { "Fictionham", "FH" }, { "Demochester", "DC" },
};
const guint heed_demo_towns_n = G_N_ELEMENTS (heed_demo_towns);

const StaffSeed heed_demo_staff_seeds[N_STAFF] = {
  { "Dr Amelia Hart", "Dr Hart", "GP partner", "gp-dentist", "Principal dentist", "gp-dentist",
    TRUE },
  { "Dr Rajesh Patel", "Dr Patel", "GP partner", "gp-dentist", "Associate dentist", "gp-dentist",
    TRUE },
  { "Dr Hannah O'Connor", "Dr O'Connor", "Salaried GP", "gp-dentist", "Associate dentist",
    "gp-dentist", TRUE },
  { "Dr Samuel Okafor", "Dr Okafor", "GP registrar", "gp-dentist", "Foundation dentist",
    "gp-dentist", TRUE },
  { "Dr Peter Lang", "Dr Lang", "GP partner (retired)", "gp-dentist", "Associate dentist (left)",
    "gp-dentist", FALSE },
  { "Claire Whitmore", "Claire Whitmore", "Practice manager", "practice-management",
    "Practice manager", "practice-management", TRUE },
  { "Gemma Lawson", "Gemma Lawson", "Assistant practice manager", "practice-management",
    "Treatment coordinator", "practice-management", TRUE },
  { "Sarah Jenkins", "Sarah", "Practice nurse", "nursing", "Lead dental nurse", "dental-nurse",
    TRUE },
  { "Michael Brennan", "Michael", "Advanced nurse practitioner", "nursing", "Dental nurse",
    "dental-nurse", TRUE },
  { "Aisha Rahman", "Aisha", "Clinical pharmacist", "other-clinical", "Dental hygienist",
    "hygienist-therapist", TRUE },
  { "Jodie Price", "Jodie", "Healthcare assistant", "other-clinical", "Dental therapist",
    "hygienist-therapist", TRUE },
  { "Tom Fletcher", "Tom", "Reception team leader", "admin-reception", "Reception team leader",
    "admin-reception", TRUE },
  { "Lucy Adams", "Lucy", "Receptionist", "admin-reception", "Receptionist", "admin-reception",
    TRUE },
  { "Ben Carter", "Ben", "Medical secretary", "admin-reception", "Receptionist",
    "admin-reception", TRUE },
  { "Dave Morgan", "Dave", "Caretaker", "other", "Cleaner and caretaker", "other", TRUE },
};
const guint heed_demo_staff_seeds_n = G_N_ELEMENTS (heed_demo_staff_seeds);
