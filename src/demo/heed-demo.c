/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-demo.h"
#include "heed-event.h"
#include "heed-person.h"
#include "heed-restriction.h"
#include "heed-staff.h"
#include "heed-survey-response.h"
#include "heed-validate.h"

/* The demonstration practice.  Everything random comes from one GRand seeded with the options'
 * seed, drawn in a fixed order, and every date is worked out from the options' today, so the
 * same seed and today always give the same cases.  The texts are fictional case content, not
 * interface, so they are not translated.
 *
 * Each case is planned first (which steps it has reached by today, and on which dates, from its
 * received date and the practice's working-day calendar), then saved through the store with its
 * people, elements, timeline and the rest, so every record is validated and audited like one
 * typed in by hand. */

#define BATCH_SIZE 1000
#define MAX_EVENTS 8

/* Texts
 * =====
 *
 * Placeholders in {braces} are filled in per case; a capital first letter ({Rel}) capitalises
 * what goes in.  {rel} is the person affected as the complainant calls them ("my mother"), with
 * {rels}, {they}, {them} and {their} to match. */

enum {
  FOR_GP = 1 << 0,
  FOR_DENTAL = 1 << 1,
  FOR_BOTH = FOR_GP | FOR_DENTAL,
  /* Who tells it: the person affected ("I"), someone on behalf of {rel}, or either. */
  BY_SELF = 1 << 2,
  BY_REL = 1 << 3,
  BY_ANY = 1 << 4,
  /* {rel} must be an adult; {rel} has died. */
  REL_ADULT = 1 << 5,
  REL_DIED = 1 << 6,
};

typedef struct {
  const char *subject;
  const char *staff_group;
  guint       flags;
  guint       severity;  /* 0 low, 1 medium, 2 high */
  guint       weight;    /* 1 to 3: how often it comes up */
  const char *summary;
  const char *description;
} Story;

/* Complaints and concerns. */
static const Story stories[] = {
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

/* Compliments: whom they thank is the element's staff group. */
static const Story compliments[] = {
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

/* Comments and suggestions. */
static const Story comments[] = {
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

/* What the practice found and learned, by subject. */
typedef struct {
  const char *subject;
  const char *upheld;
  const char *not_upheld;
  const char *lesson;
  const char *you_said;
  const char *we_did;
  const char *action;
  const char *standard;
  const char *monitoring;
  const char *impact;
} Learning;

static const Learning learnings[] = {
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

static const char *const generic_upheld[] = {
  "The records confirm what the complainant described; the practice's own procedure was not "
  "followed.",
  "The staff involved accepted that this was not handled as it should have been.",
  "The investigation found a gap in the process: nobody was responsible for checking this.",
};
static const char *const generic_not_upheld[] = {
  "The records show the practice acted in line with its procedures and national guidance.",
  "No evidence was found to support this part of the complaint; the accounts of the staff "
  "involved were consistent with the records.",
  "The decision was reasonable on the information available at the time and was explained "
  "to the patient.",
};
static const char *const partly_findings[] = {
  "Part of this was upheld: the decision itself was reasonable, but it was not explained "
  "clearly.",
  "Part of this was upheld: the right thing was done in the end, but only after an avoidable "
  "delay.",
};

static const char *const element_responses[] = {
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

static const char *const outcomes_wanted[] = {
  "An apology.",
  "An explanation of what went wrong.",
  "An apology and an assurance that it will not happen to anyone else.",
  "To see a different doctor in future.",
  "For the practice to change the way it does this.",
  "A meeting with the practice manager.",
  "For the member of staff to be spoken to.",
  "To understand why the decision was made.",
};

static const char *const outcome_notes[] = {
  "An apology and an explanation are realistic; any refund depends on what the investigation "
  "finds.",
  "A meeting can be offered. Any action about a member of staff is a matter for the practice "
  "and will not be shared.",
  "Realistic.",
  "Realistic, once the records have been checked.",
};

static const char *const how_affected[] = {
  "I was very anxious and lost sleep over it.",
  "I had to take another day off work.",
  "My condition got worse while I waited.",
  "{Rel} was very distressed.",
  "I had to pay for private treatment.",
  "I felt humiliated in front of other patients.",
  "It has shaken my trust in the practice.",
};

static const char *const late_reasons[] = {
  "I was in hospital for several months afterwards and could not deal with it until now.",
  "I only found out what had happened when I read my records last month.",
  "I was caring for my husband through his final illness and could not face it until now.",
  "I did not know I could complain until an advocate told me.",
};

static const char *const withdrawal_reasons[] = {
  "The complainant was happy with the explanation given on the phone and did not want to take "
  "it further.",
  "The complainant has moved away and no longer wishes to pursue the complaint.",
  "Resolved when the prescription was issued; the complainant asked to withdraw the complaint.",
  "The complainant decided to take the matter up with the hospital instead.",
};

static const char *const out_of_scope_reasons[] = {
  "The complaint is about the hospital's care, not the practice's; passed to the hospital's "
  "complaints team with the complainant's consent.",
  "The matter is already the subject of a legal claim.",
  "It is about a private medical report for an insurer, which is dealt with under the practice's "
  "policy for private work.",
  "The events took place at another practice; the complainant was given its details.",
};

static const char *const safeguarding_notes[] = {
  "Concern that the person affected may not be getting enough care at home; discussed with the "
  "practice safeguarding lead and referred to adult social care.",
  "The complaint mentions unexplained bruising on a child seen at the practice; the safeguarding "
  "lead was told and a referral made.",
  "The complainant said they feel unsafe at home; the safeguarding lead was told the same day.",
};

static const char *const needs[] = {
  "Hard of hearing: prefers email or letter.",
  "Uses a wheelchair: needs the ground-floor meeting room.",
  "Dyslexic: would like things explained by phone as well as in writing.",
  "Works nights: please call after 2pm.",
  "Needs an interpreter for meetings.",
  "Has a learning disability: easy-read letters, please.",
};

static const char *const update_arrangements[] = {
  "Phone call every two weeks",
  "Email update every Friday",
  "Letter at each stage",
  "Through the advocate",
  "Phone call after 5pm; answerphone messages are fine",
};

static const char *const plans[] = {
  "Review the records and the appointment log, ask the staff involved for written accounts, and "
  "send a full written response by {date}.",
  "Independent clinical review by a GP from another practice; a meeting offered once the review "
  "is complete; written response by {date}.",
  "Phone the complainant, check the prescription records and reply in writing by {date}.",
  "Listen to the call recording, speak to the reception team and write with the findings by "
  "{date}.",
};

static const char *const survey_comments[] = {
  "Kept me informed all the way through.",
  "Took longer than I expected, but the reply was thorough.",
  "I felt listened to.",
  "The letter was clear and honest.",
  "Nothing has changed as far as I can see.",
  "I would have preferred a phone call to a long letter.",
  "The practice manager was very understanding.",
  "I still do not agree with the outcome, but I was treated fairly.",
};

static const char *const ombudsman_recommendations[] = {
  "Apologise in writing for the failings identified and pay 250 pounds in recognition of the "
  "distress caused.",
  "Apologise in writing and pay 500 pounds in recognition of the time and trouble of pursuing "
  "the complaint.",
  "Review the repeat prescribing process and share the learning with staff within three months.",
  "Write an action plan showing how the practice will prevent this happening again and send it "
  "to the Ombudsman within three months.",
};

typedef struct {
  const char *measure;
  const char *detail;
  const char *reason;
} RestrictionText;

static const RestrictionText restriction_texts[] = {
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

/* Words that vary from case to case. */
static const char *const conditions[] = {
  "back pain", "headaches", "stomach pain", "dizzy spells", "knee pain", "breathing problems",
  "eczema", "migraines", "anxiety", "earache", "shoulder pain", "chest pain", "heartburn",
  "sleep problems",
};
static const char *const medicines[] = {
  "blood pressure tablets", "inhalers", "insulin", "thyroid tablets", "antidepressants",
  "HRT patches", "eczema cream", "statins", "epilepsy medication", "painkillers", "warfarin",
  "diabetes tablets", "eye drops", "heart tablets",
};
/* What a child is likely to be prescribed. */
static const char *const child_medicines[] = {
  "inhalers", "eczema cream", "epilepsy medication", "ADHD medication",
};
static const char *const tests[] = {
  "blood test", "urine test", "smear test", "ECG", "swab test", "cholesterol test",
  "liver function test",
};
static const char *const teeth[] = {
  "back tooth", "front tooth", "wisdom tooth", "lower molar", "upper molar",
};
static const char *const treatments[] = {
  "filling", "crown", "root canal treatment", "bridge", "denture", "extraction",
};
static const char *const weekdays[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
};
static const char *const clock_times[] = {
  "8.10am", "8.50am", "9.40am", "10.15am", "11.30am", "2.20pm", "3.45pm", "4.10pm", "5.30pm",
};
static const char *const fees[] = { "15", "20", "25", "30", "40" };
static const char *const hospitals[] = {
  "Exampleton General Hospital", "Sampleford Community Hospital", "Testbury Royal Infirmary",
};

/* People: ordinary names, made-up places. */
static const char *const female_names[] = {
  "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lily", "Chloe", "Jessica",
  "Hannah", "Sarah", "Rebecca", "Laura", "Emma", "Charlotte", "Lucy", "Rachel", "Claire", "Nicola",
  "Joanne", "Karen", "Susan", "Julie", "Helen", "Deborah", "Tracey", "Amanda", "Margaret",
  "Patricia", "Jean", "Elizabeth", "Mary", "Dorothy", "Joan", "Barbara", "Priya", "Fatima",
  "Aisha", "Zofia", "Siobhan", "Bethan", "Eilidh", "Megan",
};
static const char *const male_names[] = {
  "Oliver", "George", "Harry", "Jack", "Noah", "Charlie", "Jacob", "Alfie", "Thomas", "James",
  "William", "Daniel", "Matthew", "Christopher", "David", "Andrew", "Paul", "Mark", "Stephen",
  "Richard", "Peter", "John", "Michael", "Robert", "Brian", "Kenneth", "Ronald", "Derek", "Graham",
  "Gareth", "Rhys", "Callum", "Euan", "Mohammed", "Imran", "Arjun", "Tomasz", "Kwame", "Connor",
  "Liam",
};
static const char *const surnames[] = {
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
static const char *const streets[] = {
  "Example Road", "Sample Street", "Specimen Lane", "Placeholder Close", "Fiction Avenue",
  "Demo Crescent", "Mock Terrace", "Pretend Place", "Imaginary Way", "Model Gardens",
  "Prototype Grove", "Illustration Square", "Template Walk", "Trial Street", "Draft Mews",
};
static const char *const house_names[] = {
  "Rose Cottage", "The Old Forge", "Flat 2", "Flat 5", "Orchard House", "The Bungalow",
};

/* Made-up towns, with postcode areas that no real town uses. */
static const struct {
  const char *town;
  const char *area;
} towns[] = {
  { "Exampleton", "EA" }, { "Sampleford", "SF" }, { "Testbury", "TB" },
  { "Mockbridge", "MB" }, { "Fictionham", "FH" }, { "Demochester", "DC" },
};

/* The practice's staff, with their roles in a GP and in a dental practice. */
typedef struct {
  const char *name;
  const char *known_as;  /* how patients refer to them */
  const char *gp_role;
  const char *gp_group;
  const char *dental_role;
  const char *dental_group;
  gboolean    active;
} StaffSeed;

enum {
  STAFF_HART,       /* responsible person */
  STAFF_PATEL,
  STAFF_OCONNOR,
  STAFF_OKAFOR,
  STAFF_LANG,       /* has left */
  STAFF_WHITMORE,   /* complaints manager */
  STAFF_LAWSON,
  STAFF_JENKINS,
  STAFF_BRENNAN,
  STAFF_RAHMAN,
  STAFF_PRICE,
  STAFF_FLETCHER,
  STAFF_ADAMS,
  STAFF_CARTER,
  STAFF_MORGAN,
  N_STAFF
};

static const StaffSeed staff_seeds[N_STAFF] = {
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

/* The demo being made
 * =================== */

typedef struct {
  guint32 julian;  /* received day */
  guint16 minute;  /* received time, minutes after midnight */
} Slot;

typedef struct {
  guint32     julian;
  int         minute;
  guint       priority;  /* 0: always kept; higher ones go first when there are too many */
  guint       order;
  const char *kind;
  char       *summary;
  char       *detail;
  gint64      staff;
} PendingEvent;

/* The words of one case. */
typedef struct {
  char        rel[40];     /* "my mother" */
  gboolean    rel_female;
  const char *cond;
  const char *med;
  const char *test;
  const char *tooth;
  const char *treat;
  const char *day;
  const char *time;
  const char *fee;
  const char *hosp;
  const char *gp;
  const char *nurse;
  const char *staff;       /* {staff}: someone the complaint is about */
  int         mins;
  int         days;
  int         weeks;
  int         n;
  GDate       date;        /* {date}: the response date in a plan */
} Words;

typedef struct {
  HeedStore    *store;
  HeedCalendar *calendar;
  HeedNation    nation;
  GRand        *rand;
  GDate         today;
  gboolean      dental;
  guint         practice;  /* FOR_GP or FOR_DENTAL */
  char         *practice_name;
  gint64        staff[N_STAFF];
  GString      *text;      /* the last text expanded */
  GArray       *events;    /* PendingEvent of the case being made */
  guint         event_order;
  gint64        recent[64];  /* complainants of late, some of whom come back */
  guint         n_recent;
} Demo;

#define PICK(d, array) ((array)[g_rand_int_range ((d)->rand, 0, (gint32) G_N_ELEMENTS (array))])

/* A whole number from @lo to @hi, both included. */
static int
rnd (Demo *d,
     int   lo,
     int   hi)
{
  if (hi <= lo)
    return lo;
  return g_rand_int_range (d->rand, lo, hi + 1);
}

static gboolean
chance (Demo   *d,
        double  p)
{
  return g_rand_double (d->rand) < p;
}

/* An index into @weights, each as likely as its weight. */
static guint
pick_weighted (Demo        *d,
               const guint *weights,
               guint        n)
{
  guint total = 0;
  int roll;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  roll = rnd (d, 0, (int) total - 1);
  for (guint i = 0; i < n; i++)
    {
      if (roll < (int) weights[i])
        return i;
      roll -= (int) weights[i];
    }
  return n - 1;
}

static void
add_working_days (Demo        *d,
                  const GDate *from,
                  int          n,
                  GDate       *result)
{
  heed_calendar_add_working_days (d->calendar, from, n, result);
}

static void
add_days (const GDate *from,
          int          n,
          GDate       *result)
{
  *result = *from;
  if (n >= 0)
    g_date_add_days (result, (guint) n);
  else
    g_date_subtract_days (result, (guint) -n);
}

/* Whether @date has come by the demo's today. */
static gboolean
reached (Demo        *d,
         const GDate *date)
{
  return g_date_valid (date) && g_date_compare (date, &d->today) <= 0;
}

static void
forget_unless_reached (Demo  *d,
                       GDate *date)
{
  if (!reached (d, date))
    g_date_clear (date, 1);
}

static void
format_datetime (const GDate *date,
                 int          minute,
                 char        *buf,
                 gsize        size)
{
  g_snprintf (buf, size, "%04u-%02u-%02uT%02d:%02d:00", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date), minute / 60,
              minute % 60);
}

/* Text */

static void
append_capitalised (GString    *out,
                    const char *value,
                    gboolean    capital)
{
  gsize start = out->len;

  g_string_append (out, value);
  if (capital && out->len > start)
    out->str[start] = g_ascii_toupper (out->str[start]);
}

static void
expand_key (const Words *w,
            const char  *key,
            gboolean     capital,
            GString     *out)
{
  char number[16];
  const char *value = NULL;

  if (strcmp (key, "rel") == 0)
    value = w->rel;
  else if (strcmp (key, "rels") == 0)
    {
      append_capitalised (out, w->rel, capital);
      g_string_append (out, "'s");
      return;
    }
  else if (strcmp (key, "they") == 0)
    value = w->rel_female ? "she" : "he";
  else if (strcmp (key, "them") == 0)
    value = w->rel_female ? "her" : "him";
  else if (strcmp (key, "their") == 0)
    value = w->rel_female ? "her" : "his";
  else if (strcmp (key, "cond") == 0)
    value = w->cond;
  else if (strcmp (key, "med") == 0)
    value = w->med;
  else if (strcmp (key, "test") == 0)
    value = w->test;
  else if (strcmp (key, "tooth") == 0)
    value = w->tooth;
  else if (strcmp (key, "treat") == 0)
    value = w->treat;
  else if (strcmp (key, "day") == 0)
    value = w->day;
  else if (strcmp (key, "time") == 0)
    value = w->time;
  else if (strcmp (key, "fee") == 0)
    value = w->fee;
  else if (strcmp (key, "hosp") == 0)
    value = w->hosp;
  else if (strcmp (key, "gp") == 0)
    value = w->gp;
  else if (strcmp (key, "nurse") == 0)
    value = w->nurse;
  else if (strcmp (key, "staff") == 0)
    value = w->staff != NULL ? w->staff : "the staff involved";
  else if (strcmp (key, "clin") == 0)
    value = w->gp[0] == 'D' ? "doctor" : "clinician";
  else if (strcmp (key, "town") == 0)
    value = towns[0].town;
  else if (strcmp (key, "date") == 0)
    {
      g_autofree char *date = g_date_valid (&w->date) ? heed_format_date_long (&w->date) : NULL;

      append_capitalised (out, date != NULL ? date : "the agreed date", capital);
      return;
    }
  else
    {
      int n;

      if (strcmp (key, "mins") == 0)
        n = w->mins;
      else if (strcmp (key, "days") == 0)
        n = w->days;
      else if (strcmp (key, "weeks") == 0)
        n = w->weeks;
      else if (strcmp (key, "n") == 0)
        n = w->n;
      else
        g_return_if_reached ();
      g_snprintf (number, sizeof number, "%d", n);
      value = number;
    }
  append_capitalised (out, value, capital);
}

/* Fills in a text's {placeholders}; the result is d->text, good until the next call. */
static const char *
expand (Demo        *d,
        const Words *w,
        const char  *text)
{
  const char *p = text;

  g_string_truncate (d->text, 0);
  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      char key[16];
      gsize len;

      if (open == NULL)
        {
          g_string_append (d->text, p);
          break;
        }
      g_string_append_len (d->text, p, open - p);
      close = strchr (open, '}');
      g_return_val_if_fail (close != NULL, d->text->str);
      len = MIN ((gsize) (close - open - 1), sizeof key - 1);
      memcpy (key, open + 1, len);
      key[len] = '\0';
      {
        gboolean capital = g_ascii_isupper (key[0]);

        key[0] = g_ascii_tolower (key[0]);
        expand_key (w, key, capital, d->text);
      }
      p = close + 1;
    }
  return d->text->str;
}

static void
set_expanded (Demo        *d,
              HeedRecord  *record,
              guint        field,
              const Words *w,
              const char  *text)
{
  heed_record_set_text (record, field, expand (d, w, text));
}

static const Learning *
find_learning (const char *subject)
{
  for (guint i = 0; i < G_N_ELEMENTS (learnings); i++)
    if (strcmp (learnings[i].subject, subject) == 0)
      return &learnings[i];
  return &learnings[G_N_ELEMENTS (learnings) - 1];
}

static const char *
ombudsman_name (Demo *d)
{
  switch (d->nation)
    {
    case HEED_NATION_WALES:
      return "Public Services Ombudsman for Wales";
    case HEED_NATION_SCOTLAND:
      return "Scottish Public Services Ombudsman";
    case HEED_NATION_NORTHERN_IRELAND:
      return "Northern Ireland Public Services Ombudsman";
    case HEED_NATION_ENGLAND:
    default:
      return "Parliamentary and Health Service Ombudsman";
    }
}

static const char *
ombudsman_prefix (Demo *d)
{
  switch (d->nation)
    {
    case HEED_NATION_WALES:
      return "PSOW";
    case HEED_NATION_SCOTLAND:
      return "SPSO";
    case HEED_NATION_NORTHERN_IRELAND:
      return "NIPSO";
    case HEED_NATION_ENGLAND:
    default:
      return "PHSO";
    }
}

/* A landline in Ofcom's drama ranges for the practice's part of the UK. */
static char *
make_landline (Demo *d)
{
  int n = rnd (d, 0, 999);

  switch (d->nation)
    {
    case HEED_NATION_WALES:
      return g_strdup_printf ("029 2018 0%03d", n);
    case HEED_NATION_SCOTLAND:
      return g_strdup_printf (chance (d, 0.5) ? "0131 496 0%03d" : "0141 496 0%03d", n);
    case HEED_NATION_NORTHERN_IRELAND:
      return g_strdup_printf ("028 9649 6%03d", n);
    case HEED_NATION_ENGLAND:
    default:
      return g_strdup_printf (chance (d, 0.7) ? "01632 960%03d" : "020 7946 0%03d", n);
    }
}

static char *
make_mobile (Demo *d)
{
  return g_strdup_printf ("07700 900%03d", rnd (d, 0, 999));
}

/* An NHS number in the 999 range, kept for tests, with a correct check digit. */
static char *
make_nhs_number (Demo *d)
{
  for (;;)
    {
      int digits[10] = { 9, 9, 9 };
      int sum = 0, check;

      for (guint i = 3; i < 9; i++)
        digits[i] = rnd (d, 0, 9);
      for (guint i = 0; i < 9; i++)
        sum += digits[i] * (10 - (int) i);
      check = 11 - sum % 11;
      if (check == 11)
        check = 0;
      if (check == 10 || (check == 9 && sum == 9 * 54))
        continue;
      digits[9] = check;
      return g_strdup_printf ("%d%d%d %d%d%d %d%d%d%d", digits[0], digits[1], digits[2],
                              digits[3], digits[4], digits[5], digits[6], digits[7], digits[8],
                              digits[9]);
    }
}

static char *
make_email (Demo       *d,
            const char *first,
            const char *last)
{
  static const char *const domains[] = { "example.com", "example.org", "example.net" };
  GString *email = g_string_new (NULL);

  for (const char *p = first; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (email, g_ascii_tolower (*p));
  g_string_append_c (email, chance (d, 0.7) ? '.' : '_');
  for (const char *p = last; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (email, g_ascii_tolower (*p));
  if (chance (d, 0.4))
    g_string_append_printf (email, "%d", rnd (d, 1, 99));
  g_string_append_printf (email, "@%s", PICK (d, domains));
  return g_string_free (email, FALSE);
}

/* The practice and its staff
 * ========================== */

static char *
staff_email (const char *name)
{
  GString *email = g_string_new (NULL);
  const char *p = g_str_has_prefix (name, "Dr ") ? name + 3 : name;

  for (; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append_c (email, '.');
      else if (g_ascii_isalpha (*p))
        g_string_append_c (email, g_ascii_tolower (*p));
    }
  g_string_append (email, "@example.org");
  return g_string_free (email, FALSE);
}

static gboolean
make_practice (Demo    *d,
               GError **error)
{
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;

  switch (d->nation)
    {
    case HEED_NATION_WALES:
      phone = g_strdup ("029 2018 0000");
      break;
    case HEED_NATION_SCOTLAND:
      phone = g_strdup ("0131 496 0000");
      break;
    case HEED_NATION_NORTHERN_IRELAND:
      phone = g_strdup ("028 9649 6000");
      break;
    case HEED_NATION_ENGLAND:
    default:
      phone = g_strdup ("01632 960000");
      break;
    }
  address = g_strdup ("1 Example Road\nExampleton\nExampleshire\nEA1 1BD");

  if (!heed_store_set_setting (d->store, "address", address, error)
      || !heed_store_set_setting (d->store, "phone", phone, error)
      || !heed_store_set_setting (d->store, "email", "practice@example.org", error)
      || !heed_store_set_setting (d->store, "complaints-manager",
                                  staff_seeds[STAFF_WHITMORE].name, error)
      || !heed_store_set_setting (d->store, "responsible-person", staff_seeds[STAFF_HART].name,
                                  error))
    return FALSE;

  for (guint i = 0; i < N_STAFF; i++)
    {
      g_autoptr(HeedStaff) staff = heed_staff_new ();
      HeedRecord *record = HEED_RECORD (staff);
      g_autofree char *email = staff_email (staff_seeds[i].name);

      heed_record_set_text (record, HEED_STAFF_NAME, staff_seeds[i].name);
      heed_record_set_text (record, HEED_STAFF_ROLE,
                            d->dental ? staff_seeds[i].dental_role : staff_seeds[i].gp_role);
      heed_record_set_text (record, HEED_STAFF_STAFF_GROUP,
                            d->dental ? staff_seeds[i].dental_group : staff_seeds[i].gp_group);
      heed_record_set_text (record, HEED_STAFF_EMAIL, email);
      heed_record_set_text (record, HEED_STAFF_PHONE, phone);
      heed_record_set_bool (record, HEED_STAFF_ACTIVE, staff_seeds[i].active);
      if (!heed_store_save (d->store, record, error))
        return FALSE;
      d->staff[i] = heed_record_get_id (record);
    }
  return TRUE;
}

/* A member of staff of @group who works here now, as an index into staff_seeds. */
/* A story's staff group as the practice's own KO41(b) collection names it: a dental practice's
 * nurses are dental nurses, its other clinicians hygienists and therapists. */
static const char *
practice_group (Demo       *d,
                const char *group)
{
  if (d->dental && g_strcmp0 (group, "nursing") == 0)
    return "dental-nurse";
  if (d->dental && g_strcmp0 (group, "other-clinical") == 0)
    return "hygienist-therapist";
  return group;
}

static guint
pick_staff_in_group (Demo       *d,
                     const char *group)
{
  guint candidates[N_STAFF];
  guint n = 0;

  group = practice_group (d, group);
  for (guint i = 0; i < N_STAFF; i++)
    {
      const char *g = d->dental ? staff_seeds[i].dental_group : staff_seeds[i].gp_group;

      if (staff_seeds[i].active && strcmp (g, group) == 0)
        candidates[n++] = i;
    }
  if (n == 0)
    return STAFF_WHITMORE;
  return candidates[rnd (d, 0, (int) n - 1)];
}

/* Who answers for an action about @group's work. */
static guint
action_owner (const char *group)
{
  if (strcmp (group, "admin-reception") == 0)
    return STAFF_FLETCHER;
  if (strcmp (group, "gp-dentist") == 0)
    return STAFF_HART;
  if (strcmp (group, "nursing") == 0 || strcmp (group, "dental-nurse") == 0)
    return STAFF_JENKINS;
  if (strcmp (group, "other-clinical") == 0 || strcmp (group, "hygienist-therapist") == 0)
    return STAFF_RAHMAN;
  if (strcmp (group, "other") == 0)
    return STAFF_LAWSON;
  return STAFF_WHITMORE;
}

static const char *
staff_role (Demo *d,
            guint index)
{
  return d->dental ? staff_seeds[index].dental_role : staff_seeds[index].gp_role;
}

/* People
 * ====== */

typedef struct {
  char       *house;
  const char *street;
  const char *town;
  char       *postcode;
} Address;

static void
address_init (Demo    *d,
              Address *address)
{
  static const char inward_letters[] = "ABDEFGHJLNPQRSTUWXYZ";
  guint town = (guint) rnd (d, 0, G_N_ELEMENTS (towns) - 1);

  if (chance (d, 0.07))
    address->house = g_strdup (PICK (d, house_names));
  else
    address->house = g_strdup_printf ("%d", rnd (d, 1, 180));
  address->street = PICK (d, streets);
  address->town = towns[town].town;
  address->postcode = g_strdup_printf ("%s%d %d%c%c", towns[town].area, rnd (d, 1, 9),
                                       rnd (d, 1, 9),
                                       inward_letters[rnd (d, 0, sizeof inward_letters - 2)],
                                       inward_letters[rnd (d, 0, sizeof inward_letters - 2)]);
}

static void
address_clear (Address *address)
{
  g_clear_pointer (&address->house, g_free);
  g_clear_pointer (&address->postcode, g_free);
}

typedef struct {
  gboolean       female;
  int            age;
  gboolean       patient;      /* has an NHS number */
  gboolean       deceased;
  gboolean       contactable;  /* an adult Heed writes to or rings */
  const char    *surname;      /* NULL: any */
  const Address *address;      /* NULL: none known */
  const char    *advocate;
} PersonSpec;

static gboolean
save_person (Demo              *d,
             const PersonSpec  *spec,
             gint64            *id,
             GError           **error)
{
  static const char *const female_titles[] = { "Mrs", "Mrs", "Ms", "Ms", "Miss", "Dr" };
  static const char *const contact_times[] = {
    "Mornings", "After 5pm", "Any time", "Weekdays before 3pm", "Lunchtimes",
  };
  static const char *const languages[] = {
    "Polish", "Urdu", "Romanian", "Punjabi", "Bengali", "Arabic", "Portuguese",
  };
  g_autoptr(HeedPerson) person = heed_person_new ();
  HeedRecord *record = HEED_RECORD (person);
  const char *first = spec->female ? PICK (d, female_names) : PICK (d, male_names);
  const char *last = spec->surname != NULL ? spec->surname : PICK (d, surnames);
  g_autofree char *phone = NULL;
  g_autofree char *phone_alt = NULL;
  g_autofree char *email = NULL;
  g_autofree char *nhs_number = NULL;
  GDate birth;

  if (spec->age >= 16)
    {
      const char *title = spec->female ? PICK (d, female_titles)
                                       : chance (d, 0.96) ? "Mr" : "Dr";

      heed_record_set_text (record, HEED_PERSON_TITLE, title);
    }
  heed_record_set_text (record, HEED_PERSON_FIRST_NAME, first);
  heed_record_set_text (record, HEED_PERSON_LAST_NAME, last);
  if (spec->address != NULL)
    {
      heed_record_set_text (record, HEED_PERSON_HOUSE, spec->address->house);
      heed_record_set_text (record, HEED_PERSON_STREET, spec->address->street);
      heed_record_set_text (record, HEED_PERSON_TOWN, spec->address->town);
      heed_record_set_text (record, HEED_PERSON_POSTCODE, spec->address->postcode);
    }

  if (spec->contactable)
    {
      gboolean mobile = chance (d, 0.8);

      phone = mobile ? make_mobile (d) : make_landline (d);
      heed_record_set_text (record, HEED_PERSON_PHONE, phone);
      if (chance (d, 0.3))
        {
          phone_alt = mobile ? make_landline (d) : make_mobile (d);
          heed_record_set_text (record, HEED_PERSON_PHONE_ALT, phone_alt);
        }
      if (chance (d, 0.55))
        {
          email = make_email (d, first, last);
          heed_record_set_text (record, HEED_PERSON_EMAIL, email);
        }
      if (email != NULL && chance (d, 0.5))
        heed_record_set_text (record, HEED_PERSON_CONTACT_METHOD, "email");
      else if (spec->address != NULL && chance (d, 0.3))
        heed_record_set_text (record, HEED_PERSON_CONTACT_METHOD, "post");
      else
        heed_record_set_text (record, HEED_PERSON_CONTACT_METHOD, mobile ? "mobile" : "phone");
      if (chance (d, 0.5))
        heed_record_set_text (record, HEED_PERSON_CONTACT_TIMES, PICK (d, contact_times));
      heed_record_set_bool (record, HEED_PERSON_ANSWERPHONE_OK, chance (d, 0.75));

      if (chance (d, 0.06))
        {
          static const char *const formats[] = {
            "large-print", "large-print", "easy-read", "bsl-interpreter", "other-language",
          };
          const char *format = PICK (d, formats);

          heed_record_set_text (record, HEED_PERSON_ACCESS_FORMAT, format);
          if (strcmp (format, "other-language") == 0)
            heed_record_set_text (record, HEED_PERSON_LANGUAGE,
                                  d->nation == HEED_NATION_WALES && chance (d, 0.5)
                                  ? "Welsh" : PICK (d, languages));
        }
      else if (chance (d, 0.6))
        heed_record_set_text (record, HEED_PERSON_ACCESS_FORMAT, "standard");
      if (spec->advocate != NULL)
        heed_record_set_text (record, HEED_PERSON_ADVOCATE, spec->advocate);
    }

  if (spec->patient)
    {
      if (chance (d, 0.75))
        {
          nhs_number = make_nhs_number (d);
          heed_record_set_text (record, HEED_PERSON_NHS_NUMBER, nhs_number);
        }
      g_date_clear (&birth, 1);
      g_date_set_julian (&birth, g_date_get_julian (&d->today)
                                   - (guint32) (spec->age * 365 + spec->age / 4)
                                   - (guint32) rnd (d, 0, 364));
      heed_record_set_date (record, HEED_PERSON_DATE_OF_BIRTH, &birth);
    }
  heed_record_set_bool (record, HEED_PERSON_DECEASED, spec->deceased);

  if (!heed_store_save (d->store, record, error))
    return FALSE;
  *id = heed_record_get_id (record);
  return TRUE;
}

/* An adult patient's age, older people being the more frequent visitors. */
static int
adult_age (Demo *d)
{
  double roll = g_rand_double (d->rand);

  if (roll < 0.3)
    return rnd (d, 18, 39);
  if (roll < 0.65)
    return rnd (d, 40, 64);
  return rnd (d, 65, 94);
}

/* Cases
 * ===== */

typedef struct {
  const char  *kind;
  const char  *channel;
  const Story *story;
  Words        words;
  GDate        received;
  int          minute;
  char         received_at[24];

  gboolean     anonymous;
  gboolean     on_behalf;
  const char  *relationship;
  const char  *relationship_other;
  const char  *behalf_reason;
  const char  *behalf_reason_other;
  const char  *consent_status;
  GDate        consent_requested;
  GDate        consent_answered;
  gboolean     oral;
  gboolean     late;
  gboolean     safeguarding;
  GDate        safeguarding_referred;
  gboolean     reused_complainant;

  /* Where it has got to by today.  Dates not yet reached are invalid. */
  const char  *status;
  const char  *track;
  gboolean     early;         /* early resolution chosen at the start */
  gboolean     escalated;     /* early resolution that moved to a closer look */
  gboolean     extended;
  gboolean     late_response;
  const char  *ended_as;      /* withdrawn or out-of-scope */
  const char  *status_before_end;
  const char  *outcome;
  GDate        ack;
  GDate        start;
  GDate        stage2;
  GDate        due;           /* the response date the practice worked to */
  GDate        agreed;
  GDate        respond;
  GDate        close;

  GDate        ombudsman_referred;
  GDate        ombudsman_decided;
  GDate        restriction_told;

  gint64       complainant;
  gint64       affected;
  guint        handler;
  guint        received_by;
  guint        named_staff;   /* who the complaint is about, for people-involved */
} Plan;

static const char *
pick_channel (Demo       *d,
              const Plan *p,
              gboolean    working_day)
{
  /* in-person, phone, letter, email, online-form, video-call, advocate, commissioner, mp */
  static const guint complaint_weights[] = { 8, 30, 18, 22, 12, 2, 3, 3, 2 };
  static const guint compliment_weights[] = { 15, 15, 35, 20, 14, 1, 0, 0, 0 };
  static const guint comment_weights[] = { 10, 5, 15, 30, 39, 1, 0, 0, 0 };
  const guint *weights = complaint_weights;

  G_STATIC_ASSERT (G_N_ELEMENTS (complaint_weights) == 9);

  if (!working_day)
    return chance (d, 0.5) ? "email" : "online-form";
  if (p->anonymous)
    {
      static const char *const anonymous_channels[] = { "letter", "online-form", "email" };

      return PICK (d, anonymous_channels);
    }
  if (strcmp (p->kind, "compliment") == 0)
    weights = compliment_weights;
  else if (strcmp (p->kind, "comment") == 0)
    weights = comment_weights;
  return heed_case_channels[pick_weighted (d, weights, G_N_ELEMENTS (complaint_weights))];
}

static const Story *
pick_story (Demo        *d,
            const Story *list,
            guint        n,
            const Plan  *p,
            gboolean     child,
            gboolean     died)
{
  for (;;)
    {
      const Story *story = &list[rnd (d, 0, (int) n - 1)];

      if (!(story->flags & d->practice))
        continue;
      if (p->on_behalf)
        {
          if (story->flags & BY_SELF)
            continue;
          if (child && (story->flags & REL_ADULT))
            continue;
          if ((story->flags & REL_DIED) && !died)
            continue;
          /* Someone who has died is more often the subject of end-of-life care. */
          if (died && !(story->flags & REL_DIED) && chance (d, 0.4))
            continue;
        }
      else if (story->flags & BY_REL)
        continue;
      if (rnd (d, 1, 3) > (int) story->weight)
        continue;
      return story;
    }
}

static void
set_rel (Words      *w,
         const char *phrase,
         gboolean    female)
{
  g_strlcpy (w->rel, phrase, sizeof w->rel);
  w->rel_female = female;
}

static void
pick_words (Demo  *d,
            Words *w)
{
  static const guint gp_staff[] = { STAFF_HART, STAFF_PATEL, STAFF_OCONNOR, STAFF_OKAFOR };
  static const guint nurses[] = { STAFF_JENKINS, STAFF_BRENNAN };
  static const char *const family[][2] = {
    { "my mother", "my father" }, { "my wife", "my husband" }, { "my daughter", "my son" },
    { "my grandmother", "my grandfather" },
  };
  gboolean female = chance (d, 0.55);

  set_rel (w, family[rnd (d, 0, G_N_ELEMENTS (family) - 1)][female ? 0 : 1], female);
  w->cond = PICK (d, conditions);
  w->med = PICK (d, medicines);
  w->test = PICK (d, tests);
  w->tooth = PICK (d, teeth);
  w->treat = PICK (d, treatments);
  w->day = PICK (d, weekdays);
  w->time = PICK (d, clock_times);
  w->fee = PICK (d, fees);
  w->hosp = PICK (d, hospitals);
  w->gp = staff_seeds[PICK (d, gp_staff)].known_as;
  w->nurse = staff_seeds[PICK (d, nurses)].known_as;
  w->mins = 5 * rnd (d, 5, 19);
  w->days = rnd (d, 3, 10);
  w->weeks = rnd (d, 2, 9);
  w->n = rnd (d, 2, 6);
  g_date_clear (&w->date, 1);
}

/* Someone complaining for someone else: who they are to each other, why, and the consent that
 * follows from it (DOMAIN.md, "Who may complain"). */
static gboolean
make_behalf_people (Demo    *d,
                    Plan    *p,
                    GError **error)
{
  static const char *const reasons[] = {
    "child", "died", "lacks-capacity", "not-well", "prefers", "other",
  };
  static const guint reason_weights[] = { 20, 10, 20, 20, 25, 5 };
  static const char *const other_reasons[] = {
    "English is not their first language", "In hospital at present",
    "Working abroad for several months",
  };
  static const char *const other_relationships[][3] = {
    /* relationship-other, phrase if a woman, phrase if a man */
    { "Friend", "my friend", "my friend" },
    { "Neighbour", "my neighbour", "my neighbour" },
    { "Brother or sister", "my sister", "my brother" },
    { "Grandchild", "my grandmother", "my grandfather" },
  };
  Address home = { 0 };
  PersonSpec complainant = { 0 };
  PersonSpec affected = { 0 };
  gboolean female = chance (d, 0.55);
  gboolean same_home = FALSE;
  gboolean ok;
  const char *reason = reasons[pick_weighted (d, reason_weights, G_N_ELEMENTS (reasons))];
  const char *rel = NULL;
  const char *relationship;
  const char *surname = PICK (d, surnames);
  int age;

  p->behalf_reason = reason;
  complainant.female = chance (d, 0.6);
  complainant.contactable = TRUE;
  complainant.surname = surname;
  affected.female = female;
  affected.patient = TRUE;

  if (strcmp (reason, "child") == 0)
    {
      relationship = "parent-guardian";
      rel = female ? "my daughter" : "my son";
      age = rnd (d, 0, 15);
      p->words.med = PICK (d, child_medicines);
      complainant.age = rnd (d, 20, 55);
      same_home = TRUE;
      p->consent_status = "not-needed";
    }
  else if (strcmp (reason, "lacks-capacity") == 0 && chance (d, 0.2))
    {
      /* A grown-up son or daughter with a learning disability. */
      relationship = "parent-guardian";
      rel = female ? "my daughter" : "my son";
      age = rnd (d, 19, 50);
      complainant.age = age + rnd (d, 22, 35);
      same_home = chance (d, 0.7);
      p->consent_status = "cannot-be-given";
    }
  else
    {
      double roll = g_rand_double (d->rand);

      if (roll < 0.4)
        {
          relationship = "spouse-partner";
          rel = female ? (chance (d, 0.8) ? "my wife" : "my partner")
                       : (chance (d, 0.8) ? "my husband" : "my partner");
          complainant.female = !female;
          age = rnd (d, 45, 92);
          complainant.age = age + rnd (d, -6, 6);
          complainant.age = CLAMP (complainant.age, 20, 98);
          same_home = TRUE;
        }
      else if (roll < 0.8 || strcmp (reason, "other") == 0)
        {
          relationship = "child";
          rel = female ? "my mother" : "my father";
          age = rnd (d, 68, 97);
          complainant.age = age - rnd (d, 22, 38);
          same_home = chance (d, 0.2);
        }
      else if (strcmp (reason, "lacks-capacity") == 0 || strcmp (reason, "not-well") == 0)
        {
          relationship = "carer";
          rel = female ? "my aunt" : "my uncle";
          age = rnd (d, 70, 96);
          complainant.age = rnd (d, 30, 65);
          complainant.surname = chance (d, 0.5) ? surname : NULL;
        }
      else
        {
          guint which = (guint) rnd (d, 0, G_N_ELEMENTS (other_relationships) - 1);

          relationship = "other";
          p->relationship_other = other_relationships[which][0];
          rel = other_relationships[which][female ? 1 : 2];
          age = rnd (d, 60, 95);
          complainant.age = which == 3 ? rnd (d, 20, 40) : rnd (d, 30, 75);
          if (which < 2)
            complainant.surname = NULL;
        }

      if (strcmp (reason, "died") == 0)
        {
          affected.deceased = TRUE;
          p->consent_status = "not-needed";
        }
      else if (strcmp (reason, "lacks-capacity") == 0)
        p->consent_status = "cannot-be-given";
      else
        {
          /* Asked for within a few working days, answered (or not) a week or two later. */
          add_working_days (d, &p->received, rnd (d, 1, 3), &p->consent_requested);
          add_working_days (d, &p->consent_requested, rnd (d, 3, 15), &p->consent_answered);
          if (!reached (d, &p->consent_requested))
            {
              g_date_clear (&p->consent_requested, 1);
              g_date_clear (&p->consent_answered, 1);
            }
          else if (!reached (d, &p->consent_answered) || chance (d, 0.06))
            {
              p->consent_status = "requested";
              g_date_clear (&p->consent_answered, 1);
            }
          else
            p->consent_status = chance (d, 0.93) ? "received" : "refused";
        }
      if (strcmp (reason, "other") == 0)
        p->behalf_reason_other = PICK (d, other_reasons);
    }

  p->relationship = relationship;
  set_rel (&p->words, rel, female);
  affected.age = age;
  affected.surname = strcmp (relationship, "carer") == 0 || p->relationship_other != NULL
                     ? NULL : surname;
  if (affected.surname != NULL && strcmp (relationship, "spouse-partner") == 0 && chance (d, 0.15))
    affected.surname = NULL;

  address_init (d, &home);
  complainant.address = &home;
  complainant.patient = chance (d, 0.3);
  ok = save_person (d, &complainant, &p->complainant, error);
  if (ok)
    {
      Address other = { 0 };

      if (!same_home)
        address_init (d, &other);
      affected.address = same_home ? &home : &other;
      ok = save_person (d, &affected, &p->affected, error);
      address_clear (&other);
    }
  address_clear (&home);
  return ok;
}

static gboolean
make_complainant (Demo    *d,
                  Plan    *p,
                  GError **error)
{
  static const char *const advocates[] = {
    "Jo Example, Exampleshire Independent Complaints Advocacy",
    "Sam Sample, Exampleshire Independent Complaints Advocacy",
    "Alex Specimen, Exampleshire Independent Complaints Advocacy",
  };
  PersonSpec spec = { 0 };
  Address home = { 0 };
  gboolean simple = strcmp (p->kind, "compliment") == 0 || strcmp (p->kind, "comment") == 0;
  gboolean ok;

  /* Some people come back with something new. */
  if (!simple && d->n_recent > 8 && chance (d, 0.05))
    {
      guint n = MIN (d->n_recent, G_N_ELEMENTS (d->recent));

      p->complainant = d->recent[rnd (d, 0, (int) n - 1)];
      p->reused_complainant = TRUE;
      return TRUE;
    }

  spec.female = chance (d, 0.58);
  spec.age = adult_age (d);
  spec.patient = TRUE;
  spec.contactable = !simple || chance (d, 0.6);
  if (!simple || chance (d, 0.5))
    {
      address_init (d, &home);
      spec.address = &home;
    }
  if (strcmp (p->channel, "advocate") == 0)
    spec.advocate = PICK (d, advocates);
  ok = save_person (d, &spec, &p->complainant, error);
  address_clear (&home);
  if (ok && !simple)
    d->recent[d->n_recent++ % G_N_ELEMENTS (d->recent)] = p->complainant;
  return ok;
}

/* Works out which steps a case has reached by today, and when, following the status machine
 * and the nation's deadlines (DOMAIN.md, "Deadlines" and "Statuses"). */
static void
plan_progress (Demo *d,
               Plan *p)
{
  gboolean complaint = strcmp (p->kind, "complaint") == 0;
  gboolean two_stage = d->nation == HEED_NATION_SCOTLAND
                       || d->nation == HEED_NATION_NORTHERN_IRELAND;
  int ack_limit = d->nation == HEED_NATION_WALES ? 2 : 3;
  GDate ended;
  double roll;

  g_date_clear (&p->ack, 1);
  g_date_clear (&p->start, 1);
  g_date_clear (&p->stage2, 1);
  g_date_clear (&p->due, 1);
  g_date_clear (&p->agreed, 1);
  g_date_clear (&p->respond, 1);
  g_date_clear (&p->close, 1);
  g_date_clear (&ended, 1);

  if (!complaint && strcmp (p->kind, "concern") != 0)
    {
      /* Comments and compliments: logged, then closed once passed on and answered. */
      add_working_days (d, &p->received, rnd (d, 0, 10), &p->close);
      forget_unless_reached (d, &p->close);
      p->status = g_date_valid (&p->close) ? "closed" : "logged";
      return;
    }

  /* A phone log still being written up. */
  if (g_date_days_between (&p->received, &d->today) <= 5 && chance (d, 0.35))
    {
      p->status = "draft";
      return;
    }

  if (p->oral)
    {
      /* Resolved to their satisfaction by the end of the next working day. */
      p->early = TRUE;
      add_working_days (d, &p->received, rnd (d, 0, 1), &p->close);
      forget_unless_reached (d, &p->close);
      p->status = g_date_valid (&p->close) ? "closed" : "logged";
      p->track = "early-resolution";
      if (g_date_valid (&p->close))
        {
          p->respond = p->close;
          p->outcome = complaint ? (chance (d, 0.6) ? "upheld" : "partly-upheld") : NULL;
        }
      return;
    }

  p->early = chance (d, complaint ? 0.4 : 0.85);
  p->escalated = p->early && chance (d, 0.12);
  p->extended = two_stage && p->early && !p->escalated && chance (d, 0.15);

  if (chance (d, 0.08))
    add_working_days (d, &p->received, rnd (d, ack_limit + 1, ack_limit + 6), &p->ack);
  else
    add_working_days (d, &p->received, chance (d, 0.15) ? 0 : rnd (d, 1, ack_limit), &p->ack);
  if (p->escalated)
    {
      add_working_days (d, &p->received, rnd (d, 3, 8), &p->stage2);
      if (g_date_compare (&p->stage2, &p->ack) <= 0)
        add_working_days (d, &p->ack, 1, &p->stage2);
    }
  if (p->early)
    p->start = p->ack;
  else
    add_working_days (d, &p->ack, rnd (d, 0, 8), &p->start);

  if (p->early && !p->escalated)
    add_working_days (d, &p->received, p->extended ? 10 : 5, &p->due);
  else if (two_stage)
    add_working_days (d, p->escalated ? &p->stage2 : &p->received, 20, &p->due);
  else if (d->nation == HEED_NATION_WALES)
    add_working_days (d, &p->received, 30, &p->due);
  else
    add_working_days (d, &p->ack, p->escalated ? rnd (d, 25, 40) : rnd (d, 20, 40), &p->due);
  if (complaint)
    p->agreed = p->due;

  roll = g_rand_double (d->rand);
  if (p->early && !p->escalated)
    {
      if (roll < 0.9)
        add_working_days (d, &p->received, rnd (d, 1, p->extended ? 10 : 5), &p->respond);
      else
        {
          add_working_days (d, &p->due, rnd (d, 1, 10), &p->respond);
          p->late_response = TRUE;
        }
      if (g_date_compare (&p->respond, &p->ack) < 0)
        p->respond = p->ack;
    }
  else
    {
      const GDate *from = p->escalated ? &p->stage2 : &p->start;

      if (roll < 0.82)
        add_working_days (d, &p->due, -rnd (d, 0, 8), &p->respond);
      else if (roll < 0.97)
        add_working_days (d, &p->due, rnd (d, 3, 40), &p->respond);
      else
        add_working_days (d, &p->due, rnd (d, 60, 140), &p->respond);
      p->late_response = roll >= 0.82;
      if (g_date_compare (&p->respond, from) <= 0)
        add_working_days (d, from, 1, &p->respond);
    }
  add_working_days (d, &p->respond, rnd (d, 5, 25), &p->close);

  /* Some are withdrawn or found to be out of scope on the way. */
  roll = g_rand_double (d->rand);
  if (roll < 0.02)
    {
      p->ended_as = "out-of-scope";
      add_working_days (d, &p->received, rnd (d, 1, 5), &ended);
    }
  else if (roll < 0.05)
    {
      int span = heed_calendar_working_days_between (d->calendar, &p->received, &p->respond);

      p->ended_as = "withdrawn";
      add_working_days (d, &p->received, rnd (d, 1, MAX (1, span - 1)), &ended);
    }

  if (p->ended_as != NULL && reached (d, &ended))
    {
      p->status_before_end = g_date_compare (&ended, &p->ack) < 0     ? "logged"
                             : g_date_compare (&ended, &p->start) < 0 ? "acknowledged"
                                                                      : "in-progress";
      p->status = p->ended_as;
      p->outcome = p->ended_as;
      if (g_date_compare (&p->ack, &ended) > 0)
        {
          g_date_clear (&p->ack, 1);
          g_date_clear (&p->agreed, 1);
        }
      if (g_date_valid (&p->stage2) && g_date_compare (&p->stage2, &ended) > 0)
        g_date_clear (&p->stage2, 1);
      if (g_date_compare (&p->start, &ended) > 0)
        g_date_clear (&p->start, 1);
      g_date_clear (&p->respond, 1);
      p->close = ended;
      p->late_response = FALSE;
    }
  else
    {
      p->ended_as = NULL;
      forget_unless_reached (d, &p->ack);
      forget_unless_reached (d, &p->start);
      forget_unless_reached (d, &p->stage2);
      forget_unless_reached (d, &p->respond);
      forget_unless_reached (d, &p->close);
      if (!g_date_valid (&p->ack))
        g_date_clear (&p->agreed, 1);

      if (g_date_valid (&p->close))
        p->status = "closed";
      else if (g_date_valid (&p->respond))
        p->status = "responded";
      else if (g_date_valid (&p->start))
        p->status = "in-progress";
      else if (g_date_valid (&p->ack))
        p->status = "acknowledged";
      else
        p->status = "logged";

      if (complaint && g_date_valid (&p->respond))
        {
          roll = g_rand_double (d->rand);
          p->outcome = roll < (p->early ? 0.4 : 0.25)   ? "upheld"
                       : roll < (p->early ? 0.7 : 0.55) ? "partly-upheld"
                                                        : "not-upheld";
        }
    }

  if (g_date_valid (&p->ack))
    {
      if (p->escalated)
        p->track = g_date_valid (&p->stage2) ? "closer-look" : "early-resolution";
      else
        p->track = p->early ? "early-resolution" : "closer-look";
    }
}

/* The timeline
 * ============ */

typedef struct {
  const char *kind;
  const char *summary;
  const char *subject;  /* only for this subject; NULL: any */
  guint       practice;
} Step;

static const Step investigation_steps[] = {
  { "records", "Clinical records and appointment history reviewed", NULL, FOR_BOTH },
  { "records", "Call recording listened to", NULL, FOR_BOTH },
  { "records", "Prescription history checked", "prescribing", FOR_GP },
  { "statement", "Written account received from {staff}", NULL, FOR_BOTH },
  { "interview", "Spoke to {staff} about what happened", NULL, FOR_BOTH },
  { "call", "Phoned the complainant to agree the plan and a response date", NULL, FOR_BOTH },
  { "call", "Update call: the investigation is still under way", NULL, FOR_BOTH },
  { "meeting", "Meeting with the complainant and {staff}", NULL, FOR_BOTH },
  { "email-in", "Email from the complainant with further questions", NULL, FOR_BOTH },
  { "letter-in", "Further letter from the complainant", NULL, FOR_BOTH },
  { "expert-advice", "Independent clinical review requested from a GP at another practice",
    "clinical", FOR_GP },
  { "expert-advice", "Independent review requested from a dentist at another practice",
    "clinical", FOR_DENTAL },
  { "expert-advice", "Advice sought from the medicines optimisation team", "prescribing",
    FOR_GP },
  { "site-visit", "Checked the entrance, the parking and the waiting room", "facilities",
    FOR_BOTH },
  { "note", "Discussed at the practice meeting", NULL, FOR_BOTH },
  { "email-out", "Update sent to the complainant by email", NULL, FOR_BOTH },
};

static void
add_event_at (Demo        *d,
              const Plan  *p,
              const GDate *date,
              int          minute,
              guint        priority,
              const char  *kind,
              guint        staff,
              const char  *summary,
              const char  *detail)
{
  PendingEvent event = { 0 };

  if (!reached (d, date) || g_date_compare (date, &p->received) < 0)
    return;
  event.julian = g_date_get_julian (date);
  if (minute >= 0)
    event.minute = minute;
  else if (event.julian == g_date_get_julian (&p->received))
    {
      int later = p->minute + rnd (d, 5, 90);

      event.minute = MIN (later, 23 * 60 + 59);
    }
  else
    event.minute = rnd (d, 8 * 60 + 30, 17 * 60 + 45);
  event.priority = priority;
  event.order = d->event_order++;
  event.kind = kind;
  event.summary = g_strdup (summary);
  event.detail = g_strdup (detail);
  event.staff = staff < N_STAFF ? d->staff[staff] : 0;
  g_array_append_val (d->events, event);
}

static void
add_event (Demo        *d,
           const Plan  *p,
           const GDate *date,
           guint        priority,
           const char  *kind,
           guint        staff,
           const char  *summary,
           const char  *detail)
{
  add_event_at (d, p, date, -1, priority, kind, staff, summary, detail);
}

static void
clear_pending_event (gpointer data)
{
  PendingEvent *event = data;

  g_free (event->summary);
  g_free (event->detail);
}

static int
compare_by_priority (gconstpointer a,
                     gconstpointer b)
{
  const PendingEvent *x = a, *y = b;

  if (x->priority != y->priority)
    return x->priority < y->priority ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static int
compare_by_time (gconstpointer a,
                 gconstpointer b)
{
  const PendingEvent *x = a, *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  if (x->minute != y->minute)
    return x->minute < y->minute ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Saves the case's timeline: at most MAX_EVENTS entries, keeping the important ones. */
static gboolean
save_events (Demo    *d,
             gint64   case_id,
             GError **error)
{
  gboolean ok = TRUE;

  g_array_sort (d->events, compare_by_priority);
  if (d->events->len > MAX_EVENTS)
    g_array_set_size (d->events, MAX_EVENTS);
  g_array_sort (d->events, compare_by_time);

  for (guint i = 0; i < d->events->len && ok; i++)
    {
      PendingEvent *pending = &g_array_index (d->events, PendingEvent, i);
      g_autoptr(HeedEvent) event = heed_event_new ();
      HeedRecord *record = HEED_RECORD (event);
      char when[24];
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, pending->julian);
      format_datetime (&date, pending->minute, when, sizeof when);
      heed_record_set_int (record, HEED_EVENT_CASE, case_id);
      heed_record_set_text (record, HEED_EVENT_KIND, pending->kind);
      heed_record_set_text (record, HEED_EVENT_OCCURRED_AT, when);
      heed_record_set_int (record, HEED_EVENT_STAFF, pending->staff);
      heed_record_set_text (record, HEED_EVENT_SUMMARY, pending->summary);
      heed_record_set_text (record, HEED_EVENT_DETAIL, pending->detail);
      ok = heed_store_save (d->store, record, error);
    }
  g_array_set_size (d->events, 0);
  d->event_order = 0;
  return ok;
}

static const char *
received_summary (const Plan *p)
{
  gboolean compliment = strcmp (p->kind, "compliment") == 0;

  if (strcmp (p->channel, "in-person") == 0)
    return compliment ? "Thanks given in person at reception" : "Raised in person at reception";
  if (strcmp (p->channel, "phone") == 0)
    return "Phone call to reception";
  if (strcmp (p->channel, "letter") == 0)
    return compliment ? "Card received" : "Letter received";
  if (strcmp (p->channel, "email") == 0)
    return "Email received";
  if (strcmp (p->channel, "online-form") == 0)
    return "Online form received";
  if (strcmp (p->channel, "video-call") == 0)
    return "Raised during a video consultation";
  if (strcmp (p->channel, "advocate") == 0)
    return "Letter received from the complainant's advocate";
  if (strcmp (p->channel, "commissioner") == 0)
    return "Passed on by the commissioner, with the complainant's consent";
  return "Letter forwarded by the MP's constituency office";
}

static gboolean
is_oral_channel (const char *channel)
{
  return strcmp (channel, "phone") == 0 || strcmp (channel, "in-person") == 0
         || strcmp (channel, "video-call") == 0;
}

static void
plan_events (Demo *d,
             Plan *p)
{
  gboolean complaint = strcmp (p->kind, "complaint") == 0;
  gboolean simple = !complaint && strcmp (p->kind, "concern") != 0;
  GDate date, from, until;
  int wanted;

  add_event_at (d, p, &p->received, p->minute, 0, "received", p->received_by,
                received_summary (p),
                is_oral_channel (p->channel) && !simple
                ? "Written down at the time and read back; a copy of the record was offered."
                : NULL);

  if (strcmp (p->status, "draft") == 0)
    {
      add_event (d, p, &p->received, 0, "note", p->received_by,
                 "Phone log started; details still to be completed", NULL);
      return;
    }

  if (simple)
    {
      static const char *const comment_notes[] = {
        "Discussed at the practice meeting", "Shared with the patient participation group",
        "Passed to the practice manager to consider",
      };
      g_autofree char *passed_on = NULL;

      add_working_days (d, &p->received, rnd (d, 0, 2), &date);
      if (strcmp (p->kind, "compliment") == 0)
        {
          passed_on = g_strconcat ("Passed on to ", staff_seeds[p->named_staff].name, NULL);
          add_event (d, p, &date, 1, "note", p->handler, passed_on, NULL);
        }
      else
        add_event (d, p, &date, 1, "note", p->handler, PICK (d, comment_notes), NULL);
      if (g_date_valid (&p->close) && !p->anonymous)
        add_event (d, p, &p->close, 0, strcmp (p->channel, "email") == 0 ? "email-out"
                                                                          : "letter-out",
                   p->handler,
                   strcmp (p->kind, "compliment") == 0 ? "Thank-you reply sent"
                                                       : "Reply sent saying what the practice "
                                                         "will do",
                   NULL);
      return;
    }

  if (g_date_valid (&p->consent_requested))
    add_event (d, p, &p->consent_requested, 2, "consent", p->handler,
               "Consent form sent to the person affected", NULL);
  if (g_date_valid (&p->consent_answered))
    add_event (d, p, &p->consent_answered, 2, "consent", p->handler,
               strcmp (p->consent_status, "received") == 0
               ? "Signed consent received" : "The person affected refused consent", NULL);

  if (g_date_valid (&p->ack))
    {
      p->words.date = p->agreed;
      add_event (d, p, &p->ack, 1, "acknowledged", p->handler,
                 strcmp (p->channel, "email") == 0 || strcmp (p->channel, "online-form") == 0
                 ? "Acknowledged by email" : "Acknowledgement letter sent",
                 g_date_valid (&p->agreed)
                 ? expand (d, &p->words, "Response date of {date} proposed; details of the "
                                         "independent advocacy service enclosed.")
                 : "Details of the independent advocacy service enclosed.");
    }
  if (g_date_valid (&p->safeguarding_referred))
    add_event (d, p, &p->safeguarding_referred, 1, "safeguarding", p->handler,
               "Safeguarding referral made", NULL);
  if (g_date_valid (&p->stage2))
    add_event (d, p, &p->stage2, 2, "note", p->handler,
               d->nation == HEED_NATION_SCOTLAND || d->nation == HEED_NATION_NORTHERN_IRELAND
               ? "Not resolved at stage 1: moved to stage 2 for a closer look"
               : "Could not be settled quickly: moved to a closer look",
               NULL);

  /* A holding letter when the response is going to be late. */
  if (p->late_response && g_date_valid (&p->start))
    {
      add_working_days (d, &p->due, -2, &date);
      if (g_date_compare (&date, &p->start) >= 0
          && (!g_date_valid (&p->respond) || g_date_compare (&date, &p->respond) < 0))
        {
          if (g_date_valid (&p->respond))
            p->words.date = p->respond;
          else
            add_working_days (d, &p->due, 15, &p->words.date);
          add_event (d, p, &date, 2, "letter-out", p->handler, "Holding letter: more time needed",
                     expand (d, &p->words, "Sorry for the delay; new response date {date}."));
        }
    }

  if (g_date_valid (&p->respond))
    {
      if (p->oral)
        add_event (d, p, &p->respond, 0, "call", p->handler,
                   "Resolved on the phone to the complainant's satisfaction", NULL);
      else if (!complaint)
        add_event (d, p, &p->respond, 0, "letter-out", p->handler,
                   "Reply to the concern sent", NULL);
      else if (p->early && !p->escalated)
        add_event (d, p, &p->respond, 0, "call", p->handler,
                   "Outcome discussed by phone and confirmed in writing", NULL);
      else
        {
          g_autofree char *detail = g_strconcat ("Signed by ", staff_seeds[STAFF_HART].name,
                                                 ". Each point answered; the Ombudsman's "
                                                 "details included.",
                                                 NULL);

          add_event (d, p, &p->respond, 0, "letter-out", STAFF_HART, "Final response sent",
                     detail);
        }
    }

  if (p->ended_as != NULL)
    {
      g_autofree char *summary = g_strdup_printf ("%s → %s",
                                                  heed_case_status_get_label (p->status_before_end),
                                                  heed_case_status_get_label (p->ended_as));

      add_event (d, p, &p->close, 0, "status", p->handler, summary,
                 strcmp (p->ended_as, "withdrawn") == 0
                 ? PICK (d, withdrawal_reasons)
                 : "Out of scope: the reason is recorded on the case, and the complainant "
                   "was told.");
    }
  else if (strcmp (p->status, "closed") == 0)
    {
      const char *before = heed_case_status_get_label (p->oral ? "logged" : "responded");
      g_autofree char *summary = g_strdup_printf ("%s → %s", before,
                                                  heed_case_status_get_label ("closed"));

      add_event (d, p, &p->close, 0, "status", p->handler, summary,
                 p->oral ? "Resolved by the end of the next working day, so outside the "
                           "statutory procedure."
                         : "No further contact from the complainant after the response.");
    }

  /* Six months on and still open. */
  date = p->received;
  g_date_add_months (&date, 6);
  if (complaint && (!g_date_valid (&p->close) || g_date_compare (&p->close, &date) > 0))
    add_event (d, p, &date, 3, "review", STAFF_WHITMORE, "Six-month review",
               d->nation == HEED_NATION_ENGLAND
               ? "Still open after six months: wrote to the complainant to explain why."
               : "Still open after six months: reviewed with the responsible person.");

  if (g_date_valid (&p->ombudsman_referred))
    {
      g_autofree char *summary = g_strconcat ("The complainant has gone to the ",
                                              ombudsman_name (d), NULL);

      add_event (d, p, &p->ombudsman_referred, 1, "ombudsman", STAFF_WHITMORE, summary, NULL);
    }
  if (g_date_valid (&p->ombudsman_decided))
    add_event (d, p, &p->ombudsman_decided, 1, "ombudsman", STAFF_WHITMORE,
               "The Ombudsman's decision received", NULL);
  if (g_date_valid (&p->restriction_told))
    add_event (d, p, &p->restriction_told, 2, "letter-out", STAFF_WHITMORE,
               "Letter explaining the new contact arrangements", NULL);

  /* The work in between: records, accounts, calls and meetings. */
  from = g_date_valid (&p->start) ? p->start : g_date_valid (&p->ack) ? p->ack : p->received;
  if (g_date_valid (&p->respond))
    add_days (&p->respond, -1, &until);
  else if (p->ended_as != NULL)
    until = p->close;
  else
    until = d->today;
  if (g_date_compare (&until, &from) < 0)
    until = from;
  wanted = rnd (d, 2, MAX_EVENTS) - (int) d->events->len;
  if (!g_date_valid (&p->ack))
    wanted = MIN (wanted, 1);
  p->words.staff = staff_seeds[p->named_staff].name;
  for (int i = 0; i < wanted; i++)
    {
      const Step *step = &PICK (d, investigation_steps);
      int span = (int) (g_date_get_julian (&until) - g_date_get_julian (&from));

      if (!(step->practice & d->practice)
          || (step->subject != NULL && strcmp (step->subject, p->story->subject) != 0))
        continue;
      add_days (&from, rnd (d, 0, span), &date);
      add_event (d, p, &date, 4, step->kind,
                 strcmp (step->kind, "statement") == 0 ? p->named_staff : p->handler,
                 expand (d, &p->words, step->summary), NULL);
    }
  /* Every case has at least two entries. */
  if (d->events->len < 2)
    add_event (d, p, &p->received, 4, "note", p->handler,
               complaint ? "Call-back booked to talk through the complaint"
                         : "Call-back booked to talk through the concern",
               NULL);
}

/* The parts of a complaint
 * ======================== */

static gboolean
save_elements (Demo       *d,
               const Plan *p,
               gint64      case_id,
               GError    **error)
{
  const Story *parts[3] = { p->story };
  gboolean decided = g_date_valid (&p->respond) && p->ended_as == NULL && p->outcome != NULL;
  gboolean any_not_upheld = FALSE;
  double roll = g_rand_double (d->rand);
  guint n = roll < 0.55 ? 1 : roll < 0.85 ? 2 : 3;

  for (guint i = 1; i < n; i++)
    {
      do
        parts[i] = pick_story (d, stories, G_N_ELEMENTS (stories), p,
                               g_strcmp0 (p->behalf_reason, "child") == 0,
                               g_strcmp0 (p->behalf_reason, "died") == 0);
      while (parts[i] == parts[0] || (i == 2 && parts[i] == parts[1]));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeedCaseElement) element = heed_case_element_new ();
      HeedRecord *record = HEED_RECORD (element);
      const Learning *learning = find_learning (parts[i]->subject);
      const char *outcome = NULL;
      const char *finding;
      guint response;

      heed_record_set_int (record, HEED_CASE_ELEMENT_CASE, case_id);
      heed_record_set_int (record, HEED_CASE_ELEMENT_POSITION, i + 1);
      set_expanded (d, record, HEED_CASE_ELEMENT_DESCRIPTION, &p->words, parts[i]->summary);
      heed_record_set_text (record, HEED_CASE_ELEMENT_SUBJECT, parts[i]->subject);
      heed_record_set_text (record, HEED_CASE_ELEMENT_STAFF_GROUP,
                            practice_group (d, parts[i]->staff_group));

      if (decided)
        {
          if (strcmp (p->outcome, "upheld") == 0)
            outcome = "upheld";
          else if (strcmp (p->outcome, "not-upheld") == 0)
            outcome = "not-upheld";
          else if (n == 1)
            outcome = "partly-upheld";
          else if (i == 0)
            outcome = chance (d, 0.5) ? "upheld" : "partly-upheld";
          else if (i == n - 1 && !any_not_upheld)
            outcome = "not-upheld";
          else
            {
              static const char *const any[] = { "upheld", "partly-upheld", "not-upheld" };

              outcome = PICK (d, any);
            }
          any_not_upheld = any_not_upheld || strcmp (outcome, "not-upheld") == 0;

          if (strcmp (outcome, "upheld") == 0)
            {
              finding = chance (d, 0.6) ? learning->upheld : PICK (d, generic_upheld);
              response = 0;
            }
          else if (strcmp (outcome, "partly-upheld") == 0)
            {
              finding = PICK (d, partly_findings);
              response = 1;
            }
          else
            {
              finding = chance (d, 0.6) ? learning->not_upheld : PICK (d, generic_not_upheld);
              response = 2;
            }
          heed_record_set_text (record, HEED_CASE_ELEMENT_FINDING, finding);
          heed_record_set_text (record, HEED_CASE_ELEMENT_OUTCOME, outcome);
          heed_record_set_text (record, HEED_CASE_ELEMENT_RESPONSE, element_responses[response]);
          heed_record_set_bool (record, HEED_CASE_ELEMENT_APOLOGY, response < 2);
        }
      if (!heed_store_save (d->store, record, error))
        return FALSE;
    }
  return TRUE;
}

/* SMART actions that came out of an upheld complaint. */
static gboolean
save_actions (Demo       *d,
              const Plan *p,
              gint64      case_id,
              GError    **error)
{
  static const char *const involvement[] = {
    "Told about the change in the final response.",
    "Invited to the patient participation group meeting where the results are shared.",
    "Will be written to when the action is complete.",
  };
  const Learning *learning = find_learning (p->story->subject);
  guint n = chance (d, 0.7) ? 1 : 2;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeedAction) action = heed_action_new ();
      HeedRecord *record = HEED_RECORD (action);
      GDate due, review, done;
      int days;

      heed_record_set_int (record, HEED_ACTION_CASE, case_id);
      heed_record_set_text (record, HEED_ACTION_DESCRIPTION,
                            i == 0 ? learning->action
                                   : "Share the learning from this complaint at the next "
                                     "whole-practice meeting");
      heed_record_set_int (record, HEED_ACTION_OWNER,
                           d->staff[i == 0 ? action_owner (p->story->staff_group)
                                           : STAFF_WHITMORE]);
      heed_record_set_date (record, HEED_ACTION_START_DATE, &p->respond);
      days = i == 0 ? rnd (d, 14, 90) : rnd (d, 7, 30);
      add_days (&p->respond, days, &due);
      heed_record_set_date (record, HEED_ACTION_DUE_DATE, &due);
      heed_record_set_text (record, HEED_ACTION_STANDARD,
                            i == 0 ? learning->standard
                                   : "Every member of staff has heard the learning");
      heed_record_set_text (record, HEED_ACTION_COMPLAINANT_INVOLVEMENT, PICK (d, involvement));
      add_days (&due, 28, &review);
      heed_record_set_date (record, HEED_ACTION_REVIEW_DATE, &review);
      if (chance (d, 0.85))
        {
          add_days (&p->respond, rnd (d, 3, days + 20), &done);
          if (reached (d, &done))
            heed_record_set_date (record, HEED_ACTION_COMPLETED_ON, &done);
        }
      heed_record_set_text (record, HEED_ACTION_MONITORING,
                            i == 0 ? learning->monitoring : "Minutes of the practice meeting");
      heed_record_set_text (record, HEED_ACTION_IMPACT,
                            i == 0 ? learning->impact
                                   : "Staff asked a month later can say what changed");
      if (!heed_store_save (d->store, record, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_survey (Demo       *d,
             const Plan *p,
             gint64      case_id,
             GError    **error)
{
  g_autoptr(HeedSurveyResponse) survey = NULL;
  HeedRecord *record;
  char answers[64];
  gsize len = 0;
  GDate date;
  int base;

  add_days (&p->close, rnd (d, 7, 40), &date);
  if (!reached (d, &date))
    return TRUE;
  base = strcmp (p->outcome, "upheld") == 0 ? 4 : strcmp (p->outcome, "partly-upheld") == 0 ? 3
                                                                                           : 2;
  for (int i = 1; i <= 12; i++)
    {
      int score = base + rnd (d, -1, 1);

      score += rnd (d, 0, 4) == 0 ? 1 : 0;
      score = CLAMP (score, 1, 5);

      len += (gsize) g_snprintf (answers + len, sizeof answers - len, "%s%d=%d",
                                 i > 1 ? ";" : "", i, score);
    }

  survey = heed_survey_response_new ();
  record = HEED_RECORD (survey);
  heed_record_set_int (record, HEED_SURVEY_RESPONSE_CASE, case_id);
  heed_record_set_date (record, HEED_SURVEY_RESPONSE_RESPONDED_ON, &date);
  heed_record_set_text (record, HEED_SURVEY_RESPONSE_ANSWERS, answers);
  if (chance (d, 0.7))
    heed_record_set_text (record, HEED_SURVEY_RESPONSE_COMMENT, PICK (d, survey_comments));
  return heed_store_save (d->store, record, error);
}

/* Unreasonable behaviour: the measure, why, until when, and when they were told. */
static gboolean
save_restriction (Demo    *d,
                  Plan    *p,
                  gint64   case_id,
                  GError **error)
{
  g_autoptr(HeedRestriction) restriction = NULL;
  const RestrictionText *text = &PICK (d, restriction_texts);
  HeedRecord *record;
  GDate start, review, told;

  add_days (&p->received, rnd (d, 10, 60), &start);
  if (!reached (d, &start))
    return TRUE;
  restriction = heed_restriction_new ();
  record = HEED_RECORD (restriction);
  heed_record_set_int (record, HEED_RESTRICTION_CASE, case_id);
  heed_record_set_text (record, HEED_RESTRICTION_MEASURE, text->measure);
  heed_record_set_text (record, HEED_RESTRICTION_DETAIL, text->detail);
  heed_record_set_text (record, HEED_RESTRICTION_REASON, text->reason);
  heed_record_set_date (record, HEED_RESTRICTION_START_DATE, &start);
  review = start;
  g_date_add_months (&review, chance (d, 0.5) ? 3 : 6);
  heed_record_set_date (record, HEED_RESTRICTION_REVIEW_DATE, &review);
  add_days (&start, rnd (d, 0, 3), &told);
  if (reached (d, &told))
    {
      heed_record_set_date (record, HEED_RESTRICTION_TOLD_ON, &told);
      p->restriction_told = told;
    }
  return heed_store_save (d->store, record, error);
}

/* One case
 * ======== */

static const char *
pick_seriousness (Demo       *d,
                  guint       severity,
                  gboolean    concern)
{
  static const guint weights[3][4] = {
    { 70, 30, 0, 0 }, { 20, 60, 20, 0 }, { 0, 30, 60, 10 },
  };
  guint level = pick_weighted (d, weights[MIN (severity, 2)], 4);

  if (concern && level > 0)
    level--;
  return heed_seriousness_levels[level];
}

static guint
level_index (const char *const *levels,
             const char        *level)
{
  for (guint i = 0; levels[i] != NULL; i++)
    if (strcmp (levels[i], level) == 0)
      return i;
  return 0;
}

static void
fill_risk (Demo       *d,
           const Plan *p,
           HeedRecord *r,
           gboolean    actions)
{
  static const guint likelihood_weights[] = { 15, 35, 30, 15, 5 };
  const char *seriousness = pick_seriousness (d, p->story->severity,
                                              strcmp (p->kind, "concern") == 0);
  guint likelihood = pick_weighted (d, likelihood_weights, G_N_ELEMENTS (likelihood_weights));

  heed_record_set_text (r, HEED_CASE_SERIOUSNESS, seriousness);
  heed_record_set_text (r, HEED_CASE_LIKELIHOOD, heed_likelihood_levels[likelihood]);

  /* Graded again once investigated. */
  if (strcmp (p->status, "closed") == 0 && p->ended_as == NULL && p->outcome != NULL
      && chance (d, p->early ? 0.3 : 0.85))
    {
      guint s = level_index (heed_seriousness_levels, seriousness);

      if (strcmp (p->outcome, "not-upheld") == 0 && s > 0)
        s--;
      if (actions && likelihood > 0)
        {
          guint drop = (guint) rnd (d, 1, 2);

          likelihood -= MIN (likelihood, drop);
        }
      heed_record_set_text (r, HEED_CASE_SERIOUSNESS_AFTER, heed_seriousness_levels[s]);
      heed_record_set_text (r, HEED_CASE_LIKELIHOOD_AFTER, heed_likelihood_levels[likelihood]);
    }
}

static void
fill_dates (Demo       *d,
            Plan       *p,
            HeedRecord *r,
            gboolean    simple)
{
  GDate incident, aware;

  if (p->late)
    {
      incident = p->received;
      g_date_subtract_months (&incident, (guint) rnd (d, 13, 30));
      g_date_subtract_days (&incident, (guint) rnd (d, 0, 27));
      heed_record_set_date (r, HEED_CASE_INCIDENT_DATE, &incident);
      heed_record_set_text (r, HEED_CASE_LATE_REASON, PICK (d, late_reasons));
      return;
    }
  if (!chance (d, simple ? 0.5 : 0.85))
    return;
  add_days (&p->received, chance (d, 0.3) ? 0 : -rnd (d, 1, 45), &incident);
  heed_record_set_date (r, HEED_CASE_INCIDENT_DATE, &incident);
  if (chance (d, 0.12))
    {
      int span = (int) (g_date_get_julian (&p->received) - g_date_get_julian (&incident));

      add_days (&incident, rnd (d, 0, span), &aware);
      heed_record_set_date (r, HEED_CASE_AWARE_DATE, &aware);
    }
}

static void
fill_ombudsman (Demo       *d,
                Plan       *p,
                HeedRecord *r)
{
  g_autofree char *reference = NULL;
  GDate referred, decided;
  int days;

  add_days (&p->close, rnd (d, 10, 120), &referred);
  if (!reached (d, &referred))
    return;
  p->ombudsman_referred = referred;
  reference = g_strdup_printf ("%s-%u-%05d", ombudsman_prefix (d),
                               (guint) g_date_get_year (&referred), rnd (d, 1000, 99999));
  heed_record_set_date (r, HEED_CASE_OMBUDSMAN_REFERRED, &referred);
  heed_record_set_text (r, HEED_CASE_OMBUDSMAN_REFERENCE, reference);

  days = (int) (g_date_get_julian (&d->today) - g_date_get_julian (&referred));
  if (days < 30)
    {
      heed_record_set_text (r, HEED_CASE_OMBUDSMAN_STATUS, "enquiry");
      return;
    }
  if (chance (d, 0.25))
    {
      heed_record_set_text (r, HEED_CASE_OMBUDSMAN_STATUS, "declined");
      return;
    }
  add_days (&referred, rnd (d, 120, 300), &decided);
  if (!reached (d, &decided))
    {
      heed_record_set_text (r, HEED_CASE_OMBUDSMAN_STATUS, "accepted");
      return;
    }
  {
    double roll = g_rand_double (d->rand);
    const char *decision = roll < 0.55 ? "not-upheld" : roll < 0.85 ? "partly-upheld" : "upheld";
    GDate deadline;

    p->ombudsman_decided = decided;
    heed_record_set_text (r, HEED_CASE_OMBUDSMAN_STATUS, "reported");
    heed_record_set_text (r, HEED_CASE_OMBUDSMAN_DECISION, decision);
    heed_record_set_date (r, HEED_CASE_OMBUDSMAN_DECIDED, &decided);
    if (strcmp (decision, "not-upheld") == 0)
      return;
    heed_record_set_text (r, HEED_CASE_OMBUDSMAN_RECOMMENDATIONS,
                          expand (d, &p->words, PICK (d, ombudsman_recommendations)));
    add_days (&decided, 90, &deadline);
    roll = g_rand_double (d->rand);
    heed_record_set_text (r, HEED_CASE_OMBUDSMAN_COMPLIED,
                          !reached (d, &deadline) ? "pending"
                          : roll < 0.85           ? "complied"
                          : roll < 0.95           ? "partly-complied"
                                                  : "not-complied");
  }
}

static gint64
financial_redress (Demo *d)
{
  /* A prescription charge, an NHS dental charge, or a goodwill payment, in pence. */
  static const gint64 gp_amounts[] = { 990, 2500, 5000, 10000, 25000 };
  static const gint64 dental_amounts[] = { 2740, 7530, 32670, 15000, 5000 };

  return d->dental ? PICK (d, dental_amounts) : PICK (d, gp_amounts);
}

static gboolean
make_case (Demo        *d,
           const Slot  *slot,
           GError     **error)
{
  static const guint front_desk[] = { STAFF_FLETCHER, STAFF_ADAMS, STAFF_CARTER, STAFF_LAWSON };
  static const guint back_office[] = { STAFF_CARTER, STAFF_LAWSON, STAFF_WHITMORE };
  static const char *const gp_areas[] = {
    "Main surgery", "Branch surgery", "Telephone and online services", "Home visits",
  };
  static const char *const dental_areas[] = { "Main surgery", "Hygiene clinic" };
  g_autoptr(HeedCase) kase = NULL;
  HeedRecord *r;
  Plan p = { 0 };
  gboolean complaint, concern, simple, draft, decided, actions = FALSE;
  const Learning *learning;
  double roll;
  gint64 case_id;

  /* Roughly 55% complaints, 15% concerns, 10% comments and 20% compliments. */
  roll = g_rand_double (d->rand);
  p.kind = roll < 0.55 ? "complaint" : roll < 0.70 ? "concern" : roll < 0.80 ? "comment"
                                                                            : "compliment";
  complaint = strcmp (p.kind, "complaint") == 0;
  concern = strcmp (p.kind, "concern") == 0;
  simple = !complaint && !concern;

  g_date_clear (&p.received, 1);
  g_date_set_julian (&p.received, slot->julian);
  p.minute = slot->minute;
  format_datetime (&p.received, p.minute, p.received_at, sizeof p.received_at);

  p.anonymous = chance (d, complaint ? 0.03
                          : concern ? 0.04
                          : strcmp (p.kind, "comment") == 0 ? 0.12 : 0.06);
  p.on_behalf = !p.anonymous && chance (d, complaint ? 0.2 : concern ? 0.1 : 0.0);
  p.channel = pick_channel (d, &p, heed_calendar_is_working_day (d->calendar, &p.received));
  p.oral = !simple && is_oral_channel (p.channel) && strcmp (p.channel, "video-call") != 0
           && chance (d, complaint ? 0.12 : 0.3);
  pick_words (d, &p.words);

  if (p.on_behalf)
    {
      if (!make_behalf_people (d, &p, error))
        return FALSE;
    }
  else if (!p.anonymous && !make_complainant (d, &p, error))
    return FALSE;

  if (simple)
    p.story = strcmp (p.kind, "compliment") == 0
              ? pick_story (d, compliments, G_N_ELEMENTS (compliments), &p, FALSE, FALSE)
              : pick_story (d, comments, G_N_ELEMENTS (comments), &p, FALSE, FALSE);
  else
    p.story = pick_story (d, stories, G_N_ELEMENTS (stories), &p,
                          g_strcmp0 (p.behalf_reason, "child") == 0,
                          g_strcmp0 (p.behalf_reason, "died") == 0);
  p.named_staff = pick_staff_in_group (d, p.story->staff_group);
  p.late = complaint && !p.oral && chance (d, 0.03);

  plan_progress (d, &p);
  draft = strcmp (p.status, "draft") == 0;
  decided = p.ended_as == NULL && p.outcome != NULL;

  if (is_oral_channel (p.channel))
    p.received_by = front_desk[rnd (d, 0, G_N_ELEMENTS (front_desk) - 1)];
  else if (strcmp (p.channel, "letter") == 0 || strcmp (p.channel, "email") == 0
           || strcmp (p.channel, "online-form") == 0)
    p.received_by = back_office[rnd (d, 0, G_N_ELEMENTS (back_office) - 1)];
  else
    p.received_by = STAFF_WHITMORE;
  roll = g_rand_double (d->rand);
  if (simple)
    p.handler = roll < 0.6 ? STAFF_LAWSON : STAFF_WHITMORE;
  else
    p.handler = roll < 0.7 ? STAFF_WHITMORE : roll < 0.95 ? STAFF_LAWSON : STAFF_HART;

  kase = heed_case_new (p.kind);
  r = HEED_RECORD (kase);
  /* A dental practice treats private patients too, whose complaints go to the Dental
   * Complaints Service and are left out of the KO41(b). */
  if (d->dental)
    heed_record_set_text (r, HEED_CASE_CARE, chance (d, 0.25) ? "private" : "nhs");
  heed_record_set_text (r, HEED_CASE_CHANNEL, p.channel);
  heed_record_set_text (r, HEED_CASE_STATUS, p.status);
  heed_record_set_text (r, HEED_CASE_TRACK, p.track);
  heed_record_set_text (r, HEED_CASE_RECEIVED_AT, p.received_at);
  heed_record_set_int (r, HEED_CASE_RECEIVED_BY, d->staff[p.received_by]);
  if (!draft)
    heed_record_set_int (r, HEED_CASE_HANDLER, d->staff[p.handler]);
  heed_record_set_int (r, HEED_CASE_COMPLAINANT, p.complainant);
  heed_record_set_int (r, HEED_CASE_AFFECTED, p.affected);
  if (p.on_behalf)
    {
      heed_record_set_bool (r, HEED_CASE_ON_BEHALF, TRUE);
      heed_record_set_text (r, HEED_CASE_RELATIONSHIP, p.relationship);
      heed_record_set_text (r, HEED_CASE_RELATIONSHIP_OTHER, p.relationship_other);
      heed_record_set_text (r, HEED_CASE_BEHALF_REASON, p.behalf_reason);
      heed_record_set_text (r, HEED_CASE_BEHALF_REASON_OTHER, p.behalf_reason_other);
      heed_record_set_text (r, HEED_CASE_CONSENT_STATUS, p.consent_status);
      heed_record_set_date (r, HEED_CASE_CONSENT_REQUESTED, &p.consent_requested);
      heed_record_set_date (r, HEED_CASE_CONSENT_RECEIVED, &p.consent_answered);
      if (g_strcmp0 (p.consent_status, "received") == 0)
        heed_record_set_date (r, HEED_CASE_AUTHORISED_ON, &p.consent_answered);
    }
  heed_record_set_bool (r, HEED_CASE_ANONYMOUS, p.anonymous);
  heed_record_set_bool (r, HEED_CASE_CONFIDENTIAL, chance (d, simple ? 0.01 : 0.05));
  set_expanded (d, r, HEED_CASE_SUMMARY, &p.words, p.story->summary);
  if (!draft || chance (d, 0.5))
    set_expanded (d, r, HEED_CASE_DESCRIPTION, &p.words, p.story->description);
  heed_record_set_text (r, HEED_CASE_SUBJECT, p.story->subject);
  fill_dates (d, &p, r, simple);

  if (!simple)
    {
      if (chance (d, 0.5))
        {
          g_autofree char *involved = g_strdup_printf ("%s (%s)",
                                                       staff_seeds[p.named_staff].name,
                                                       staff_role (d, p.named_staff));

          heed_record_set_text (r, HEED_CASE_PEOPLE_INVOLVED, involved);
        }
      if (complaint && chance (d, 0.7))
        set_expanded (d, r, HEED_CASE_HOW_AFFECTED, &p.words, PICK (d, how_affected));
      if (chance (d, complaint ? 0.85 : 0.4))
        {
          const char *subject = p.story->subject;
          const char *wanted = PICK (d, outcomes_wanted);

          if (strcmp (subject, "records") == 0 && chance (d, 0.6))
            wanted = "To have my record corrected.";
          else if ((strcmp (subject, "administration") == 0 || strcmp (subject, "consent") == 0
                    || (d->dental && strcmp (subject, "clinical") == 0))
                   && chance (d, 0.5))
            wanted = "A refund of what I paid.";
          heed_record_set_text (r, HEED_CASE_OUTCOME_WANTED, wanted);
        }
      if (g_date_valid (&p.ack) && chance (d, 0.3))
        heed_record_set_text (r, HEED_CASE_OUTCOME_NOTES, PICK (d, outcome_notes));
      if (chance (d, 0.5))
        heed_record_set_text (r, HEED_CASE_SERVICE_AREA,
                              d->dental ? PICK (d, dental_areas) : PICK (d, gp_areas));
      if (p.late && p.status != NULL && !draft && strcmp (p.status, "logged") != 0)
        heed_record_set_text (r, HEED_CASE_LATE_DECISION,
                              g_strcmp0 (p.ended_as, "out-of-scope") == 0
                              ? "cannot-investigate" : "investigate");
    }

  if (!simple && !draft)
    {
      heed_record_set_bool (r, HEED_CASE_CALLBACK_OFFERED, chance (d, 0.6));
      heed_record_set_bool (r, HEED_CASE_MEETING_OFFERED, !p.early && chance (d, 0.4));
      heed_record_set_bool (r, HEED_CASE_ADVOCACY_OFFERED,
                            g_date_valid (&p.ack) && chance (d, 0.9));
      heed_record_set_bool (r, HEED_CASE_COPY_OFFERED, is_oral_channel (p.channel));
      if (chance (d, 0.06))
        heed_record_set_text (r, HEED_CASE_NEEDS, PICK (d, needs));

      actions = complaint && decided && g_date_valid (&p.respond)
                && strcmp (p.outcome, "not-upheld") != 0 && chance (d, 0.3);
      fill_risk (d, &p, r, actions);

      if (chance (d, 0.01))
        {
          heed_record_set_bool (r, HEED_CASE_SAFEGUARDING, TRUE);
          heed_record_set_text (r, HEED_CASE_SAFEGUARDING_NOTE, PICK (d, safeguarding_notes));
          add_working_days (d, &p.received, rnd (d, 0, 1), &p.safeguarding_referred);
          forget_unless_reached (d, &p.safeguarding_referred);
          heed_record_set_date (r, HEED_CASE_SAFEGUARDING_REFERRED, &p.safeguarding_referred);
        }

      if (strcmp (p.status, "out-of-scope") == 0)
        heed_record_set_text (r, HEED_CASE_OUT_OF_SCOPE_REASON,
                              p.late ? "Made more than 12 months after the events, and the staff "
                                       "involved have since left, so it cannot be investigated "
                                       "fairly."
                                     : PICK (d, out_of_scope_reasons));

      if (strcmp (p.story->subject, "integrated-care") == 0)
        {
          heed_record_set_text (r, HEED_CASE_OTHER_ORGANISATIONS,
                                "Exampleshire Hospitals NHS Foundation Trust");
          heed_record_set_text (r, HEED_CASE_LEAD_ORGANISATION,
                                chance (d, 0.6) ? d->practice_name
                                                : "Exampleshire Hospitals NHS Foundation Trust");
          heed_record_set_bool (r, HEED_CASE_CONSENT_TO_SHARE, chance (d, 0.85));
        }

      if (complaint && !p.early && g_date_valid (&p.start))
        {
          p.words.date = p.agreed;
          set_expanded (d, r, HEED_CASE_PLAN, &p.words, PICK (d, plans));
        }
      if (g_date_valid (&p.ack) && chance (d, 0.5))
        heed_record_set_text (r, HEED_CASE_UPDATE_ARRANGEMENTS, PICK (d, update_arrangements));
      heed_record_set_date (r, HEED_CASE_AGREED_RESPONSE_DATE, &p.agreed);
      heed_record_set_date (r, HEED_CASE_ACKNOWLEDGED_ON, &p.ack);
      heed_record_set_date (r, HEED_CASE_STAGE2_ON, &p.stage2);
      heed_record_set_bool (r, HEED_CASE_EXTENDED, p.extended);
      heed_record_set_date (r, HEED_CASE_RESPONDED_ON, &p.respond);
    }
  heed_record_set_date (r, HEED_CASE_CLOSED_ON, &p.close);
  heed_record_set_bool (r, HEED_CASE_ORAL_RESOLVED,
                        p.oral && strcmp (p.status, "closed") == 0);

  /* The outcome and what was put right. */
  if (complaint && p.outcome != NULL)
    heed_record_set_text (r, HEED_CASE_OUTCOME, p.outcome);
  if (complaint && decided)
    {
      gboolean upheld = strcmp (p.outcome, "not-upheld") != 0;

      heed_record_set_bool (r, HEED_CASE_REMEDY_APOLOGY, chance (d, upheld ? 0.95 : 0.15));
      heed_record_set_bool (r, HEED_CASE_REMEDY_EXPLANATION, chance (d, 0.9));
      heed_record_set_bool (r, HEED_CASE_REMEDY_ACTION, actions || (upheld && chance (d, 0.3)));
      if (upheld && chance (d, d->dental ? 0.06 : 0.03))
        heed_record_set_int (r, HEED_CASE_REMEDY_FINANCIAL, financial_redress (d));
    }
  else if (concern && g_date_valid (&p.respond))
    {
      heed_record_set_bool (r, HEED_CASE_REMEDY_EXPLANATION, TRUE);
      heed_record_set_bool (r, HEED_CASE_REMEDY_APOLOGY, chance (d, 0.4));
    }

  learning = find_learning (p.story->subject);
  if (complaint && decided && !p.oral && strcmp (p.status, "closed") == 0)
    {
      gboolean upheld = strcmp (p.outcome, "not-upheld") != 0;

      if (chance (d, strcmp (p.outcome, "upheld") == 0 ? 0.01 : 0.045))
        fill_ombudsman (d, &p, r);
      heed_record_set_bool (r, HEED_CASE_GENERAL_IMPORTANCE, chance (d, 0.05));
      if (upheld && chance (d, 0.6))
        {
          heed_record_set_text (r, HEED_CASE_LESSONS, learning->lesson);
          heed_record_set_bool (r, HEED_CASE_IN_REPORT, chance (d, 0.5));
          if (chance (d, 0.3))
            {
              heed_record_set_text (r, HEED_CASE_YOU_SAID, learning->you_said);
              heed_record_set_text (r, HEED_CASE_WE_DID, learning->we_did);
              heed_record_set_bool (r, HEED_CASE_PUBLICATION_APPROVED, chance (d, 0.7));
            }
        }
    }

  if (!heed_store_save (d->store, r, error))
    return FALSE;
  case_id = heed_record_get_id (r);

  if (complaint && !draft && !save_elements (d, &p, case_id, error))
    return FALSE;
  if (actions && !save_actions (d, &p, case_id, error))
    return FALSE;
  if (complaint && decided && !p.oral && strcmp (p.status, "closed") == 0 && chance (d, 0.1)
      && !save_survey (d, &p, case_id, error))
    return FALSE;
  if (complaint && !draft && strcmp (p.status, "logged") != 0
      && chance (d, p.reused_complainant ? 0.15 : 0.008)
      && !save_restriction (d, &p, case_id, error))
    return FALSE;

  plan_events (d, &p);
  return save_events (d, case_id, error);
}

/* The fill
 * ======== */

static void
get_real_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

void
heed_demo_options_init (HeedDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->n_cases = 300;
  options->years = 3;
  options->seed = 1;
  get_real_today (&options->today);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *x = a, *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  return x->minute < y->minute ? -1 : x->minute > y->minute;
}

/* When each piece of feedback arrived: spread over the years, a little more of it lately and
 * in winter, mostly on working days and in opening hours. */
static Slot *
make_slots (Demo  *d,
            guint  n,
            guint  years)
{
  Slot *slots = g_new (Slot, MAX (n, 1));
  GDate first = d->today;
  guint32 start, span;

  g_date_subtract_years (&first, years);
  g_date_add_days (&first, 1);
  start = g_date_get_julian (&first);
  span = g_date_get_julian (&d->today) - start + 1;

  for (guint i = 0; i < n; i++)
    {
      for (;;)
        {
          guint32 offset = (guint32) g_rand_int_range (d->rand, 0, (gint32) span);
          double weight = 0.8 + 0.4 * offset / span;
          GDate date;
          GDateMonth month;
          gboolean working;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, start + offset);
          month = g_date_get_month (&date);
          if (month == G_DATE_DECEMBER || month <= G_DATE_FEBRUARY)
            weight *= 1.15;
          if (g_rand_double (d->rand) * 1.2 * 1.15 > weight)
            continue;
          working = heed_calendar_is_working_day (d->calendar, &date);
          if (!working && chance (d, 0.85))
            continue;
          slots[i].julian = start + offset;
          slots[i].minute = (guint16) (working ? rnd (d, 8 * 60, 18 * 60 + 30)
                                               : rnd (d, 7 * 60, 22 * 60 + 30));
          break;
        }
    }
  qsort (slots, n, sizeof *slots, compare_slots);
  return slots;
}

gboolean
heed_demo_fill (HeedStore              *store,
                const HeedDemoOptions  *options,
                GError                **error)
{
  g_autofree Slot *slots = NULL;
  g_autofree char *practice_type = NULL;
  GDate real_today;
  Demo d = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (&options->today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_return_val_if_fail (heed_store_get_calendar (store) != NULL, FALSE);

  get_real_today (&real_today);
  if (g_date_compare (&options->today, &real_today) > 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A demonstration practice cannot be made for a day in the future."));
      return FALSE;
    }
  if (options->years < 1 || options->years > 50)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A demonstration practice spans from 1 to 50 years."));
      return FALSE;
    }

  d.store = store;
  d.calendar = heed_store_get_calendar (store);
  d.nation = heed_store_get_nation (store);
  d.rand = g_rand_new_with_seed (options->seed);
  d.today = options->today;
  practice_type = heed_store_dup_setting (store, "practice-type");
  d.dental = g_strcmp0 (practice_type, "dental") == 0;
  d.practice = d.dental ? FOR_DENTAL : FOR_GP;
  d.practice_name = heed_store_dup_setting (store, "name");
  if (d.practice_name == NULL)
    d.practice_name = g_strdup ("The practice");
  d.text = g_string_sized_new (512);
  d.events = g_array_sized_new (FALSE, TRUE, sizeof (PendingEvent), 16);
  g_array_set_clear_func (d.events, clear_pending_event);

  slots = make_slots (&d, options->n_cases, options->years);

  if (!heed_store_begin (store, error))
    goto out;
  if (!make_practice (&d, error))
    goto failed;
  for (guint i = 0; i < options->n_cases; i++)
    {
      if (i > 0 && i % BATCH_SIZE == 0)
        {
          if (!heed_store_commit (store, error) || !heed_store_begin (store, error))
            goto out;
        }
      if (!make_case (&d, &slots[i], error))
        goto failed;
    }
  ok = heed_store_commit (store, error);
  goto out;

failed:
  heed_store_rollback (store);
out:
  g_rand_free (d.rand);
  g_free (d.practice_name);
  g_string_free (d.text, TRUE);
  g_array_unref (d.events);
  return ok;
}
