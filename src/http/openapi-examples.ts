// A realistic example of each JSON request body, by operationId, shown by the OpenAPI document
// (and so by Swagger UI, instead of values it would invent from the patterns). Identifiers are the
// rulebook's valid examples (NISS 85073003328, KBO 0403019261); dates are past days of 2026, as a
// fact must be (422 date-in-future otherwise). A test validates every example against its body's
// schema, so an example cannot drift from the shape it illustrates.

const id = (n: number) => `01938a7e-5c2b-7d4e-8f10-${String(n).padStart(12, '0')}`;
const content = {
  domains: ['language', 'employment'],
  activationCategory: '2.1',
  objectives: [
    { key: 'o1', domain: 'language', description: 'Reach level A2 in Dutch', dueOn: '2026-12-31' },
    { key: 'o2', domain: 'employment', description: 'Follow a job-search workshop' },
  ],
  commitments: [
    { party: 'beneficiary', description: 'Attend the Dutch course twice a week', objectiveKeys: ['o1'] },
    { party: 'cpas', description: 'Pay the registration and the travel costs', objectiveKeys: ['o1', 'o2'] },
  ],
  startsOn: '2026-03-10',
  endsOn: '2027-03-09',
  evaluationArrangements: 'Every four months, two of them in person',
  supplementaryAid: 'Registration and travel costs',
};
const voiding = { reason: 'Recorded on the wrong person' };

export const BODY_EXAMPLES: Record<string, unknown> = {
  createCpas: {
    kboNumber: '0403019261',
    name: { fr: 'CPAS de Test', nl: 'OCMW Test', de: 'ÖSHZ Test' },
    language: 'fr',
    nisCodes: ['11002'],
    address: { street: 'Rue de la Loi 16', postalCode: '1000', municipality: 'Bruxelles' },
    contact: { phone: '+32 2 000 00 00', email: 'piis@cpas-test.be' },
  },
  createBeneficiary: {
    niss: '85073003328',
    givenName: 'Eva',
    familyName: 'Janssens',
    birthDate: '1985-07-30',
    language: 'nl',
    externalRef: 'crm-4711',
  },
  updateBeneficiary: { givenName: 'Eva-Maria' },
  recordRightDecision: {
    kind: 'ri',
    category: 'isolated',
    decidedOn: '2026-01-05',
    notifiedOn: '2026-01-07',
    startsOn: '2026-01-05',
    monthlyAmountCents: 130_000,
    externalRef: 'decision-2026-0012',
  },
  voidRightDecision: voiding,
  recordSituation: { kind: 'training', startsOn: '2026-09-01', endsOn: '2027-06-30' },
  voidSituation: voiding,
  recordExemption: {
    reason: 'health',
    decidedOn: '2026-09-10',
    motivation: 'Hospitalised for several months: a PIIS cannot be negotiated now',
  },
  voidExemption: voiding,
  createAssessment: {
    performedOn: '2026-02-20',
    kind: 'initial',
    participationRung: 2,
    domainScores: [
      { domain: 'language', score: 2 },
      { domain: 'mobility', score: 3 },
    ],
    aspirations: 'Work in logistics',
    barriers: ['Dutch language', 'No driving licence'],
  },
  createPiis: {
    track: 'general',
    obligation: 'compulsory',
    draftedOn: '2026-02-25',
    ...content,
    externalRef: 'piis-4711-1',
  },
  updatePiisDraft: { supplementaryAid: 'Registration, travel costs and childcare during the course' },
  handOverPiis: {
    handedOverOn: '2026-03-02',
    informedOn: '2026-03-02',
    assistedBy: { name: 'Jan Peeters', relation: 'trade-union delegate' },
  },
  requestHearing: { requestedOn: '2026-03-04' },
  recordHearingOutcome: { heldOn: '2026-03-06' },
  signPiis: { party: 'beneficiary', signedOn: '2026-03-08', signatoryName: 'Eva Janssens' },
  createEvaluation: {
    heldOn: '2026-07-01',
    mode: 'in_person',
    objectives: [
      { key: 'o1', status: 'progressing', note: 'Level A1 reached' },
      { key: 'o2', status: 'not_started' },
    ],
    commitmentsKept: { beneficiary: true, cpas: true },
  },
  requestInterview: { requestedOn: '2026-04-02' },
  recordInterviewHeld: { heldOn: '2026-04-08' },
  amendPiis: {
    effectiveOn: '2026-09-01',
    reason: 'More time for the Dutch course',
    informedOn: '2026-08-20',
    endsOn: '2027-06-30',
    signatures: [
      { party: 'beneficiary', signedOn: '2026-08-25', signatoryName: 'Eva Janssens' },
      { party: 'cpas', signedOn: '2026-08-25', signatoryName: 'The president' },
    ],
  },
  requestSubsidyExtension: {
    requestedOn: '2026-10-01',
    motivation: 'Particularly far from integration: no schooling, long illness',
  },
  closePiis: { endedOn: '2026-11-30', outcome: 'employment', note: 'Hired by a logistics firm' },
  issueNotice: {
    issuedOn: '2026-09-01',
    breach: 'Missed three course sessions without notice',
    complyBy: '2026-09-10',
  },
  decideSanction: {
    noticeId: id(7),
    decidedOn: '2026-09-15',
    notifiedOn: '2026-09-16',
    hearing: { requested: true, heldOn: '2026-09-14' },
    noLegitimateReason: true,
    suspensionStartsOn: '2026-10-01',
    suspensionEndsOn: '2026-10-31',
    partialPercent: 50,
  },
  voidHearingRequest: voiding,
  voidSignature: voiding,
  voidEvaluation: voiding,
  voidInterviewRequest: voiding,
  voidNotice: voiding,
  voidSanction: voiding,
  freezeReport: { report: 'subsidy', year: 2025 },
  createActivationModule: {
    theme: 'language',
    title: 'Français langue étrangère',
    partners: ['Lire et Écrire'],
    startsOn: '2026-02-01',
    endsOn: '2026-06-30',
    hours: 40,
  },
  enrolParticipant: { beneficiaryId: id(1), piisId: id(2) },
  recordModuleSession: { heldOn: '2026-03-10', hours: 3, attendeeIds: [id(1), id(3)] },
  recordExpense: {
    year: 2026,
    subsidy: 'piis10',
    category: 'staff',
    amountCents: 4_000_000,
    description: 'Social worker assigned to PIIS, half time',
    staff: { timeShare: 0.5, assignmentProof: 'Council decision 2026/3', role: 'coaching' },
    invoiceRef: 'PAY-2026-01',
  },
  setConvention: {
    signedOn: '2015-03-01',
    grantCents: { pas2015: 2_500_000 },
    targets: { assessments: 40, activationPaths: 25, path21: 10, path22: 10, path23: 5 },
  },
  createTransfer: {
    toKboNumber: '0428759497',
    legalBasis: 'The person moved to the receiving commune (art. 2, law of 2 April 1965)',
    consentOn: '2026-10-01',
  },
  refuseTransfer: { reason: 'The person does not live in our commune' },
  setRetentionPolicy: { anonymiseAfterYears: 10 },
  createWebhook: {
    url: 'https://crm.cpas-test.be/hooks/piis',
    events: ['piis.*', 'beneficiary.created'],
    description: 'Our case-management mirror',
  },
};
