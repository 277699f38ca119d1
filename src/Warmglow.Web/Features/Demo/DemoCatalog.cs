using Warmglow.Core.Partnerships;

namespace Warmglow.Web.Features.Demo;

public sealed record DemoContact(string Name, string Email, string? Title, string? Phone);

/// <summary>One recorded stage move, <paramref name="DaysAgo"/> days before the demo is loaded.</summary>
public sealed record DemoMove(PartnershipStage To, int DaysAgo, string Reason);

public sealed record DemoPartner(
    string Name, string Website, string Industry, string Size, string Region, string Notes,
    DemoContact[] Contacts,
    PartnershipType Type, string PartnershipName, int StartedDaysAgo, string PartnershipNotes,
    DemoMove[] History);

/// <summary>
/// The demo workspace "Mindful Glow" (a wellness app company): twenty partners covering every partnership type and
/// most lifecycle stages. Every history starts from Prospect and obeys <see cref="Lifecycle"/>; DemoLoader checks it.
/// All organisations, people, domains and figures are invented.
/// </summary>
public static class DemoCatalog
{
    public static IReadOnlyList<DemoPartner> Partners { get; } =
    [
        // ── Technology integration ───────────────────────────────────────────────
        new("Lotus Flow Studios", "https://lotusflow.example", "Fitness & Yoga", "51-200", "North America",
            "Network of 34 yoga and breathwork studios across the Pacific Northwest and California. Strong in-person community, " +
            "weak digital retention between classes. Founder-led; decisions come quickly once both founders agree.",
            [
                new("Aiyana Brooks", "aiyana.brooks@lotusflow.example", "Head of Partnerships", "+1 503 555 0147"),
                new("Marcus Ito", "marcus.ito@lotusflow.example", "Director of Studio Operations", null),
            ],
            PartnershipType.TechnologyIntegration, "Class booking and practice sync", 640,
            "Members book Lotus Flow classes inside the Mindful Glow app and get a guided follow-up session matched to the class " +
            "they just took. Success metrics: app engagement of studio members and studio membership renewals.",
            [
                new(PartnershipStage.Research, 625, "Desk research: most of their members use a meditation app already, none of them ours."),
                new(PartnershipStage.IntroCall, 598, "Intro call with Aiyana; both founders keen and their booking API is documented."),
                new(PartnershipStage.MutualValueProposition, 570, "Value proposition drafted: we bring between-class practice, they bring an engaged in-person audience."),
                new(PartnershipStage.Pilot, 540, "Six-week pilot in 3 Portland studios with in-app booking switched on."),
                new(PartnershipStage.Evaluation, 492, "Pilot finished: studio members opened the app 38% more often than the control group."),
                new(PartnershipStage.Agreement, 470, "Go decision signed off by Priya; negotiating data-sharing terms and a 12-month term."),
                new(PartnershipStage.Onboarding, 431, "Agreement signed; rolling the booking integration out to every studio."),
                new(PartnershipStage.Active, 380, "Integration live in all 34 studios."),
                new(PartnershipStage.Scaling, 150, "Renewals at integrated studios up 26% year on year; extending to their new Colorado locations."),
            ]),

        new("Dreamwell Labs", "https://dreamwell.example", "Healthcare", "201-1000", "Asia Pacific",
            "Singapore sleep-tech company making a smart sleep band and companion app. Strong hardware and retail distribution " +
            "across APAC; thin audio content library.",
            [
                new("Wei Lin Tan", "weilin.tan@dreamwell.example", "VP Partnerships", null),
                new("Rahul Menon", "rahul.menon@dreamwell.example", "Product Lead, Sleep Content", null),
            ],
            PartnershipType.TechnologyIntegration, "Wind-down audio on the sleep band", 560,
            "Our sleep stories and wind-down sessions play from the Dreamwell band; sleep scores flow back to Mindful Glow with the " +
            "user's consent. We give content and our user base, they give hardware and APAC retail shelf space.",
            [
                new(PartnershipStage.Research, 548, "Checked their privacy practices and app-store ratings; both look solid."),
                new(PartnershipStage.IntroCall, 530, "Intro call with Wei Lin; they need 200+ hours of sleep audio for a Q3 launch."),
                new(PartnershipStage.MutualValueProposition, 505, "Agreed the exchange: content for hardware distribution, no cash either way in year one."),
                new(PartnershipStage.Pilot, 470, "Pilot with 1,500 band owners in Singapore and Sydney."),
                new(PartnershipStage.Evaluation, 420, "Pilot reports disagreed: they counted daily opens, we counted completed sessions. Reconciling first."),
                new(PartnershipStage.Agreement, 395, "One shared definition of an engaged user (3+ completed sessions a week); the pilot cleared it at 31%."),
                new(PartnershipStage.Onboarding, 360, "Two-year integration agreement signed, with quarterly reviews."),
                new(PartnershipStage.Active, 318, "SDK shipped in band firmware 2.4; our content is live for all band owners."),
                new(PartnershipStage.UnderReview, 120, "Quarterly review: sleep-score sync failing for 12% of Android users and weekly actives slipping."),
                new(PartnershipStage.Active, 84, "Dreamwell shipped the sync fix; failure rate below 1%, review closed."),
            ]),

        // ── Co-marketing ─────────────────────────────────────────────────────────
        new("Postbloom", "https://postbloom.example", "Software", "51-200", "Europe",
            "Berlin e-mail marketing tool for small creative businesses, about 40,000 active senders, many of them solo founders " +
            "close to burnout. Excellent design team; legal review is slow.",
            [
                new("Lena Hoffmann", "lena.hoffmann@postbloom.example", "Partner Marketing Manager", null),
                new("Tomás Ferreira", "tomas.ferreira@postbloom.example", "Head of Content", null),
            ],
            PartnershipType.CoMarketing, "Calm Inbox campaign series", 300,
            "Quarterly co-branded campaigns on digital wellbeing for small-business owners: a webinar, a newsletter swap and a " +
            "30-day calm inbox challenge. 12-month agreement; joint goals refreshed at each quarterly review.",
            [
                new(PartnershipStage.Research, 292, "Their audience skews to solo founders, a segment we want for Mindful Glow Pro."),
                new(PartnershipStage.IntroCall, 281, "Intro call with Lena; they were already hunting for a wellbeing angle for January."),
                new(PartnershipStage.MutualValueProposition, 270, "One-page value proposition: their list and design, our content and experts."),
                new(PartnershipStage.Pilot, 259, "Pilot: one joint webinar plus a single newsletter swap."),
                new(PartnershipStage.Evaluation, 230, "Webinar drew 2,300 sign-ups; 410 trial starts traced back to the swap."),
                new(PartnershipStage.Agreement, 221, "Go: drafting a 12-month co-marketing agreement with quarterly goal reviews."),
                new(PartnershipStage.Onboarding, 205, "Signed; shared campaign calendar and tracking conventions set up."),
                new(PartnershipStage.Active, 190, "First quarterly campaign, the 30-day calm inbox challenge, launched."),
            ]),

        new("Kindred Threads", "https://kindredthreads.example", "Retail", "51-200", "Europe",
            "Copenhagen wellness apparel brand making yoga and lounge wear from recycled fibres. Sells online and in 9 flagship " +
            "stores. Scored 92% on our values assessment.",
            [
                new("Freja Lund", "freja.lund@kindredthreads.example", "Brand Partnerships Lead", null),
                new("Oskar Nielsen", "oskar.nielsen@kindredthreads.example", "Chief Marketing Officer", null),
            ],
            PartnershipType.CoMarketing, "Move & Breathe capsule collection", 150,
            "Co-branded capsule collection: a QR tag on every garment unlocks a 60-day Mindful Glow trial, and their flagships " +
            "host guided sessions. Quarterly reviews with fixed metrics are to be written into the agreement.",
            [
                new(PartnershipStage.Research, 141, "Values assessment came out at 92%; their sustainability story matches our brand."),
                new(PartnershipStage.IntroCall, 128, "Intro call with Freja and Oskar; they are aiming for a spring launch."),
                new(PartnershipStage.MutualValueProposition, 117, "Value proposition: trial codes on garments, their stores host our sessions."),
                new(PartnershipStage.Pilot, 100, "Pilot: QR trial cards in two Copenhagen stores for four weeks."),
                new(PartnershipStage.Evaluation, 68, "740 trial codes redeemed; 22% converted to paid against our 15% bar."),
                new(PartnershipStage.Agreement, 41, "Go; drafting terms with quarterly review metrics and a split on bundle sales."),
            ]),

        // ── Co-selling / referral ────────────────────────────────────────────────
        new("Relaywise CRM", "https://relaywise.example", "Software", "201-1000", "Europe",
            "Amsterdam CRM for mid-market B2B sales teams. Their customer success team keeps hearing about rep burnout, which makes " +
            "them a natural channel for Mindful Glow for Teams.",
            [
                new("Sanne de Vries", "sanne.devries@relaywise.example", "Alliances Manager", null),
                new("Pieter Bakker", "pieter.bakker@relaywise.example", "VP Customer Success", null),
                new("Emma Janssen", "emma.janssen@relaywise.example", "Partner Sales Engineer", null),
            ],
            PartnershipType.CoSellingReferral, "Burnout-free sales teams referrals", 120,
            "Two-way referrals: Relaywise customer success refers accounts with high rep churn to Mindful Glow for Teams; we " +
            "introduce Relaywise to sales leaders at our corporate clients. 10% of first-year contract value both ways.",
            [
                new(PartnershipStage.Research, 112, "Account overlap check: 46 of our corporate clients run Relaywise."),
                new(PartnershipStage.IntroCall, 97, "Intro call with Sanne; their CS team already asks customers about team wellbeing."),
                new(PartnershipStage.MutualValueProposition, 83, "Value proposition exchanged; 10% first-year referral fee in both directions."),
                new(PartnershipStage.Pilot, 55, "90-day referral pilot with their Benelux CS team; target is 8 qualified referrals."),
            ]),

        new("Harbor Mind", "https://harbormind.example", "Healthcare", "51-200", "Europe",
            "Online therapy and mental health support platform with licensed clinicians in six EU countries. Takes GDPR and " +
            "clinical governance seriously, so decisions take longer.",
            [
                new("Dr. Ingrid Halvorsen", "ingrid.halvorsen@harbormind.example", "Clinical Director", null),
                new("Mateo Rossi", "mateo.rossi@harbormind.example", "Partnerships Manager", null),
            ],
            PartnershipType.CoSellingReferral, "Step-up care referrals", 330,
            "When a user's check-ins suggest they need more than self-guided practice, we offer a warm referral to a Harbor Mind " +
            "clinician; their clients get Mindful Glow between sessions. Each side keeps its own health data (GDPR-reviewed).",
            [
                new(PartnershipStage.Research, 318, "Checked clinician licensing and their data processing agreement; both in order."),
                new(PartnershipStage.IntroCall, 300, "Intro call with Mateo and Dr. Halvorsen."),
                new(PartnershipStage.MutualValueProposition, 280, "Value proposition: a safe escalation path for our users, steady intake for their clinicians."),
                new(PartnershipStage.Pilot, 244, "Pilot in the Netherlands with an in-app referral prompt."),
                new(PartnershipStage.Evaluation, 190, "180 referrals in 8 weeks; 63% booked a first session."),
                new(PartnershipStage.Agreement, 172, "Go from Priya; drafting a referral agreement with GDPR data flags."),
                new(PartnershipStage.OnHold, 160, "Paused while their DPO decides whether our check-in scores count as health data."),
                new(PartnershipStage.Agreement, 118, "DPO approved the flow with explicit consent screens; back to contract terms."),
                new(PartnershipStage.Onboarding, 27, "Agreement signed; training their intake team on the referral hand-off."),
            ]),

        // ── Reseller ─────────────────────────────────────────────────────────────
        new("Zenith Benefits Group", "https://zenithbenefits.example", "Corporate Services", "1000+", "North America",
            "Employee benefits broker serving more than 2,000 US employers. Would resell Mindful Glow for Teams inside its " +
            "wellbeing bundle. Large and process-heavy; procurement takes months.",
            [
                new("Danielle Okafor", "danielle.okafor@zenithbenefits.example", "Director of Wellbeing Products", "+1 312 555 0166"),
                new("Greg Sullivan", "greg.sullivan@zenithbenefits.example", "Channel Partnerships Manager", null),
            ],
            PartnershipType.Reseller, "Wellbeing bundle reseller", 260,
            "Zenith sells Mindful Glow for Teams seats in its wellbeing bundle at a 25% reseller discount; we provide sales " +
            "enablement and partner portal access. Year-one target: 40 employer accounts.",
            [
                new(PartnershipStage.Research, 250, "Desk research: 18% of their employer book already asks for mental wellbeing tools."),
                new(PartnershipStage.IntroCall, 236, "Intro call with Danielle; they dropped their previous meditation vendor last quarter."),
                new(PartnershipStage.MutualValueProposition, 215, "Value proposition: a 25% margin for them, mid-market reach for us."),
                new(PartnershipStage.Pilot, 180, "Pilot: Zenith offers the bundle to 12 of its employer clients."),
                new(PartnershipStage.Evaluation, 35, "Pilot closed with 7 of 12 employers signed; scoring the commercial terms before committing."),
            ]),

        new("Sakura Wellness Mart", "https://sakurawellness.example", "Retail", "1000+", "Asia Pacific",
            "Japanese health and beauty retail chain with 480 stores that sells prepaid digital subscriptions at the till. " +
            "Needs a Japanese-language catalogue before anything can move.",
            [
                new("Haruka Sato", "haruka.sato@sakurawellness.example", "Digital Goods Buyer", null),
                new("Kenji Watanabe", "kenji.watanabe@sakurawellness.example", "Category Manager, Wellness", null),
            ],
            PartnershipType.Reseller, "In-store subscription cards (Japan)", 210,
            "Prepaid annual Mindful Glow subscription cards at Sakura tills. Blocked on localisation: our Japanese catalogue has " +
            "only 40 sessions and they want at least 200.",
            [
                new(PartnershipStage.Research, 200, "Market check: prepaid app cards are a popular gift item in their stores."),
                new(PartnershipStage.IntroCall, 176, "Intro call with Haruka; interested, but they need 200+ sessions in Japanese."),
                new(PartnershipStage.OnHold, 150, "On hold until our Japanese library reaches 200 sessions, planned for next year."),
            ]),

        // ── Strategic investment / joint venture ─────────────────────────────────
        new("Keystone Workplace Wellbeing", "https://keystonewellbeing.example", "Corporate Services", "201-1000", "UK & Ireland",
            "Corporate wellness provider with 300+ UK employer clients: on-site health days, employee assistance and coaching. " +
            "Strong corporate sales, weak digital engagement between visits.",
            [
                new("Charlotte Hughes", "charlotte.hughes@keystonewellbeing.example", "Chief Commercial Officer", "+44 20 7946 0318"),
                new("Niall Byrne", "niall.byrne@keystonewellbeing.example", "Head of Digital Programmes", null),
                new("Amara Osei", "amara.osei@keystonewellbeing.example", "Finance Director", null),
            ],
            PartnershipType.StrategicInvestment, "Keystone x Mindful Glow joint venture", 700,
            "Joint venture selling a combined gratitude-and-mindfulness programme to employers. The revenue split moves in phases: " +
            "70/30 to Keystone in year one (their corporate access carries it), 50/50 in year two, 30/70 to Mindful Glow in year " +
            "three once the digital side leads. We track capability growth on both sides, not just revenue.",
            [
                new(PartnershipStage.Research, 688, "Keystone's client list overlaps our enterprise target list by about 40%."),
                new(PartnershipStage.IntroCall, 670, "Intro call with Charlotte; they want a digital layer they can co-own."),
                new(PartnershipStage.MutualValueProposition, 640, "Value proposition: their employer access for our engagement tech, with a phased revenue split."),
                new(PartnershipStage.Pilot, 600, "One-quarter pilot with 5 employers, 6,200 employees in total."),
                new(PartnershipStage.Evaluation, 548, "44% of invited employees active monthly; all 5 employers asked to continue."),
                new(PartnershipStage.Agreement, 520, "Both boards said go; JV term sheet with 70/30, 50/50, 30/70 phasing."),
                new(PartnershipStage.Onboarding, 455, "JV agreement signed; joint team of six in place with a shared dashboard."),
                new(PartnershipStage.Active, 420, "Programme on sale to Keystone's whole client base."),
                new(PartnershipStage.Scaling, 60, "Year two opens at the 50/50 split; adding Ireland and a second product tier."),
            ]),

        new("Tidewater Media Group", "https://tidewatermedia.example", "Media", "1000+", "UK & Ireland",
            "Audio and podcast publisher with 60+ shows and about 9 million monthly listeners. Considered a minority stake in " +
            "Mindful Glow plus a co-owned wellbeing podcast network.",
            [
                new("Oliver Grant", "oliver.grant@tidewatermedia.example", "Corporate Development Director", null),
                new("Siobhan Kelly", "siobhan.kelly@tidewatermedia.example", "Head of Audio Partnerships", "+44 20 7946 0572"),
            ],
            PartnershipType.StrategicInvestment, "Minority stake and podcast network", 420,
            "Proposal: a 15% minority stake plus a jointly owned wellbeing podcast network. Declined at agreement stage because the " +
            "term sheet asked for exclusive rights to all our audio, which would have broken the Dreamwell and Stillpoint deals.",
            [
                new(PartnershipStage.Research, 410, "Audience data reviewed: roughly a third of their listeners are in our core age bracket."),
                new(PartnershipStage.IntroCall, 392, "Intro call with Oliver; both the stake and a podcast network are on the table."),
                new(PartnershipStage.MutualValueProposition, 370, "Value proposition drafted: capital and reach for us, a wellbeing vertical for them."),
                new(PartnershipStage.Pilot, 340, "Pilot: co-produced an 8-episode sleep podcast season."),
                new(PartnershipStage.Evaluation, 282, "Season reached 410k downloads; 3,100 app installs attributed to it."),
                new(PartnershipStage.Agreement, 262, "Evaluation positive on reach; moving on to the term sheet."),
                new(PartnershipStage.Rejected, 221, "Rejected: the term sheet demands exclusive rights to all our audio, conflicting with Dreamwell and Stillpoint."),
            ]),

        // ── Licensing ────────────────────────────────────────────────────────────
        new("Stillpoint Teachers Collective", "https://stillpointteachers.example", "Media", "11-50", "North America",
            "Platform and guild of 220 independent meditation teachers. Teachers own their recordings; Stillpoint handles " +
            "licensing and royalties on their behalf.",
            [
                new("Grace Whitfield", "grace.whitfield@stillpointteachers.example", "Executive Director", null),
                new("Daniel Reyes", "daniel.reyes@stillpointteachers.example", "Licensing Manager", "+1 415 555 0109"),
            ],
            PartnershipType.Licensing, "Teacher content licence with revenue share", 520,
            "We license teacher-led courses; teachers receive 60% of subscription revenue attributed to their content, plus audience " +
            "analytics and in-app promotion. Weekly check-ins and a shared engagement dashboard keep roles clear.",
            [
                new(PartnershipStage.Research, 510, "Catalogue audit: 1,400 sessions, strong on grief and anxiety, topics we lack."),
                new(PartnershipStage.IntroCall, 496, "Intro call with Grace; their teachers are unhappy with flat-fee deals elsewhere."),
                new(PartnershipStage.MutualValueProposition, 474, "Value proposition: 60% revenue share and analytics for first app rights to new courses."),
                new(PartnershipStage.Pilot, 450, "Pilot with 12 teachers and 30 courses."),
                new(PartnershipStage.Evaluation, 395, "Pilot courses kept subscribers 35% better than our in-house average."),
                new(PartnershipStage.Agreement, 380, "Go; licence drafted with a 60/40 share and reviews every six months."),
                new(PartnershipStage.Onboarding, 352, "Licence signed; royalty reporting set up."),
                new(PartnershipStage.Active, 330, "First 120 teacher courses live in the app."),
                new(PartnershipStage.Scaling, 110, "Teacher participation tripled; opening the licence to all 220 members."),
            ]),

        new("Brightdesk Learning", "https://brightdesk.example", "Education", "51-200", "North America",
            "Classroom SaaS for middle and high schools (lesson planning, student check-ins) used in about 1,100 schools. " +
            "Licensed our short mindfulness sessions for homeroom.",
            [
                new("Rachel Kim", "rachel.kim@brightdesk.example", "Content Partnerships Lead", null),
                new("Andre Thompson", "andre.thompson@brightdesk.example", "Product Manager", null),
            ],
            PartnershipType.Licensing, "Homeroom mindfulness content licence", 690,
            "Ended. The licence worked technically but rested on cross-promotion with no shared goals; classroom usage never passed " +
            "4% of licensed seats. Lesson learned: agree joint KPIs and an owner on each side before signing.",
            [
                new(PartnershipStage.Research, 676, "School base reviewed: about 1,100 schools, mostly in the US."),
                new(PartnershipStage.IntroCall, 660, "Intro call with Rachel; they want ready-made wellbeing content for homeroom."),
                new(PartnershipStage.MutualValueProposition, 645, "Value proposition: flat licence fee plus cross-promotion to parents."),
                new(PartnershipStage.Pilot, 620, "Pilot in 20 classrooms across 4 schools."),
                new(PartnershipStage.Evaluation, 580, "Teachers liked it, but only a third used it weekly; success criteria were vague."),
                new(PartnershipStage.Agreement, 566, "Going ahead on a low flat fee; agreement drafted."),
                new(PartnershipStage.Onboarding, 540, "One-year licence signed; content packaged for their player."),
                new(PartnershipStage.Active, 520, "Content available to every Brightdesk school."),
                new(PartnershipStage.UnderReview, 300, "Two quarters below 4% of licensed seats in use; review called."),
                new(PartnershipStage.Sunsetting, 255, "No shared goals and no owner on their side; winding down with 90 days' notice."),
                new(PartnershipStage.Ended, 165, "Licence ended; content removed from their player and the final invoice settled."),
            ]),

        // ── Complementary resource sharing ───────────────────────────────────────
        new("Greenroot Food Co-op", "https://greenroot.example", "Food & Grocery", "11-50", "North America",
            "Member-owned organic food cooperative in Vermont: 3 stores, a teaching kitchen and 5,800 members. Great physical " +
            "community spaces, almost no digital engagement.",
            [
                new("Hannah Moreau", "hannah.moreau@greenroot.example", "Community Programs Manager", "+1 802 555 0133"),
                new("Samuel Green", "samuel.green@greenroot.example", "General Manager", null),
            ],
            PartnershipType.ResourceSharing, "Nourish & Notice workshops", 400,
            "Their teaching kitchen and community room, our digital community tools. Monthly workshops mixing nutrition with " +
            "mindful eating, followed up in an in-app circle for co-op members. No money changes hands.",
            [
                new(PartnershipStage.Research, 392, "Surfaced by our persona search: holistic wellness and community education."),
                new(PartnershipStage.IntroCall, 380, "Intro call with Hannah; they want to reach members between store visits."),
                new(PartnershipStage.MutualValueProposition, 366, "Value proposition: their rooms and members, our digital circles and teachers."),
                new(PartnershipStage.Pilot, 340, "Pilot: three in-person workshops, each with an app follow-up circle."),
                new(PartnershipStage.Evaluation, 290, "71% of attendees joined the app circle; co-op class sign-ups doubled."),
                new(PartnershipStage.Agreement, 276, "Go; a simple resource-sharing agreement with no fees."),
                new(PartnershipStage.Onboarding, 250, "Agreement signed; co-op staff trained to host the app circles."),
                new(PartnershipStage.Active, 232, "Monthly workshop series running."),
            ]),

        new("Parcelwise Logistics", "https://parcelwise.example", "Logistics", "11-50", "UK & Ireland",
            "Manchester last-mile logistics startup that rents warehouse space from a fulfilment provider. Would store and ship " +
            "our corporate welcome kits (journal, eye mask, tea).",
            [
                new("Callum Price", "callum.price@parcelwise.example", "Co-founder & COO", "+44 161 496 0721"),
                new("Aisha Rahman", "aisha.rahman@parcelwise.example", "Account Manager", null),
            ],
            PartnershipType.ResourceSharing, "Corporate welcome-kit fulfilment", 240,
            "Parcelwise stores and ships Mindful Glow for Teams welcome kits at cost; in return we feature their recyclable " +
            "packaging to our corporate clients. Joint plan with monthly milestones for delivery time and damage rate.",
            [
                new(PartnershipStage.Research, 232, "Checked delivery SLAs and carbon reporting; both beat the couriers we use now."),
                new(PartnershipStage.IntroCall, 219, "Intro call with Callum; spare capacity in their Manchester warehouse."),
                new(PartnershipStage.MutualValueProposition, 205, "Value proposition: at-cost storage and shipping in exchange for showcasing their packaging."),
                new(PartnershipStage.Pilot, 170, "Pilot: ship 400 welcome kits for two UK corporate clients."),
                new(PartnershipStage.OnHold, 96, "Paused: peak-season backlog pushed delivery to 9 days while they switch warehouse provider."),
            ]),

        // ── Innovation co-creation ───────────────────────────────────────────────
        new("Northbridge Neuroscience Institute", "https://northbridgeneuro.example", "Research", "11-50", "UK & Ireland",
            "University spin-out lab studying attention and heart-rate variability. Brings EEG/HRV expertise and scientific " +
            "credibility; works at an academic pace and cares about publishing.",
            [
                new("Dr. Fiona MacLeod", "fiona.macleod@northbridgeneuro.example", "Principal Investigator", null),
                new("Dr. Samir Haddad", "samir.haddad@northbridgeneuro.example", "Research Engineer", null),
                new("Beth Turner", "beth.turner@northbridgeneuro.example", "Technology Transfer Officer", "+44 20 7946 0841"),
            ],
            PartnershipType.InnovationCoCreation, "Biofeedback meditation programme", 610,
            "Co-developing meditation sessions that adapt to the user's heart-rate variability in real time. About $150k budget " +
            "over the first six months. IP: jointly filed patent; Mindful Glow holds the commercial licence, Northbridge keeps " +
            "publication rights.",
            [
                new(PartnershipStage.Research, 598, "Reviewed their HRV papers; the strongest lab on our shortlist."),
                new(PartnershipStage.IntroCall, 585, "Intro call with Dr. MacLeod and their tech transfer office."),
                new(PartnershipStage.MutualValueProposition, 560, "Value proposition: our app and user base, their algorithms and study design."),
                new(PartnershipStage.Pilot, 520, "Six-month prototype study with 240 volunteers."),
                new(PartnershipStage.Evaluation, 340, "Prototype cut time-to-calm by 27% compared with standard sessions."),
                new(PartnershipStage.Agreement, 318, "Go; negotiating joint IP, publication rights and a commercial licence."),
                new(PartnershipStage.Onboarding, 262, "Agreement signed and the joint patent filed."),
                new(PartnershipStage.Active, 215, "Biofeedback sessions launched in the Premium tier."),
            ]),

        new("Quietform Studio", "https://quietform.example", "Corporate Services", "1-10", "Europe",
            "Lisbon workplace design studio building quiet rooms and focus pods for offices. Wants to pair its spaces with " +
            "guided audio.",
            [
                new("Inês Carvalho", "ines.carvalho@quietform.example", "Founder & Lead Architect", null),
                new("Rui Almeida", "rui.almeida@quietform.example", "Business Development", null),
            ],
            PartnershipType.InnovationCoCreation, "Guided quiet rooms", 60,
            "Idea: co-design office quiet rooms with built-in guided sessions that adapt to the time of day and how busy the room " +
            "is. Early days; no budget agreed yet.",
            [
                new(PartnershipStage.Research, 52, "Met Inês at a workplace design fair; three of our corporate accounts are their clients."),
                new(PartnershipStage.IntroCall, 18, "Intro call held; both sides want a prototype room in one client's office."),
            ]),

        // ── Ecosystem integration ────────────────────────────────────────────────
        new("Nourish Path Coaching", "https://nourishpath.example", "Healthcare", "11-50", "North America",
            "Remote nutrition coaching service with 45 registered dietitians. Member of our three-way Whole-Self pool with " +
            "Lotus Flow Studios.",
            [
                new("Jasmine Patel", "jasmine.patel@nourishpath.example", "Co-founder", null),
                new("Ethan Walsh", "ethan.walsh@nourishpath.example", "Programme Director", null),
            ],
            PartnershipType.EcosystemIntegration, "Whole-Self wellness pool", 450,
            "Three-way pool: Lotus Flow for movement, Nourish Path for nutrition, Mindful Glow for the mind. One membership; " +
            "pooled revenue is shared each quarter by engagement hours delivered.",
            [
                new(PartnershipStage.Research, 440, "Suggested by Lotus Flow; their coaches already recommend breathwork to clients."),
                new(PartnershipStage.IntroCall, 425, "Three-way intro call with Jasmine and Aiyana from Lotus Flow."),
                new(PartnershipStage.MutualValueProposition, 400, "Pool charter drafted: each member's objectives, shares and how members are routed."),
                new(PartnershipStage.Pilot, 370, "Pilot: 300 members on a single Whole-Self membership for 10 weeks."),
                new(PartnershipStage.Evaluation, 300, "Pilot members used 2.4 of the 3 services on average; churn half that of single-service members."),
                new(PartnershipStage.Agreement, 285, "Go; pooled revenue shared by engagement hours, reviewed quarterly."),
                new(PartnershipStage.Onboarding, 240, "Pool agreement signed by all three; shared billing set up."),
                new(PartnershipStage.Active, 205, "Whole-Self membership on sale in the app and at Lotus Flow front desks."),
            ]),

        new("Cedar Hollow Retreat", "https://cedarhollow.example", "Hospitality", "51-200", "Latin America",
            "Wellness retreat centre in Costa Rica working with nearby organic farms, transfer services and visiting " +
            "practitioners. Relationship-first, plans in seasons rather than sprints.",
            [
                new("Valeria Jiménez", "valeria.jimenez@cedarhollow.example", "Director of Guest Experience", null),
                new("Andrés Mora", "andres.mora@cedarhollow.example", "Partnerships & Sourcing", null),
            ],
            PartnershipType.EcosystemIntegration, "Retreat-to-app experience packages", 180,
            "Packages combining a retreat stay (farm-to-table meals from partner farms, transfers, practitioners) with six months " +
            "of Mindful Glow before and after. We hoped for a launch within 3 months; they expect a 12-month build-up. Using the " +
            "charter to reconcile the timelines.",
            [
                new(PartnershipStage.Research, 168, "Their farm and practitioner network is exactly the offline layer we lack."),
                new(PartnershipStage.IntroCall, 140, "Intro call with Valeria; warm, but they think in seasons, not sprints."),
                new(PartnershipStage.MutualValueProposition, 95, "Drafting the value proposition; first drafts show a 3-month vs 12-month timeline gap."),
            ]),

        // ── Market expansion ─────────────────────────────────────────────────────
        new("Manglar Salud", "https://manglarsalud.example", "Healthcare", "201-1000", "Latin America",
            "Telehealth and clinic network in Mexico and Colombia with about 1.2 million patients. Our likely route into " +
            "Spanish-speaking Latin America.",
            [
                new("Luis Hernández", "luis.hernandez@manglarsalud.example", "Partnerships Director", null),
                new("Camila Restrepo", "camila.restrepo@manglarsalud.example", "Head of Digital Health", null),
            ],
            PartnershipType.MarketExpansion, "Spanish-language launch in Mexico and Colombia", 45,
            "Launch a Spanish-language Mindful Glow through Manglar's patient app and clinics. Open questions: local health-data " +
            "rules, pricing in pesos, and who produces the Spanish content.",
            [
                new(PartnershipStage.Research, 30, "Desk research on Mexican and Colombian health-data rules and their patient app reviews."),
            ]),

        new("Southern Cross Health Clubs", "https://southerncrossclubs.example", "Fitness & Yoga", "201-1000", "Asia Pacific",
            "Gym and yoga club chain with 85 sites in Australia and New Zealand. Could launch Mindful Glow in ANZ through club " +
            "memberships.",
            [
                new("Liam O'Connor", "liam.oconnor@southerncrossclubs.example", "Head of Member Experience", null),
            ],
            PartnershipType.MarketExpansion, "ANZ launch via club memberships", 12,
            "Just added from the ANZ persona shortlist; no contact made yet.",
            []),
    ];
}
