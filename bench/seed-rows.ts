// Rows both generated data sets write alike.

/** The beneficiary's and the CPAS's signatures of version 1 on the same day (R-PARTIES). */
export function bothSignatures(
  cpasId: string,
  piisId: string,
  signedOn: string,
  ids: readonly [string, string],
  recordedBy: string,
): Record<string, unknown>[] {
  const signature = (id: string, party: string, signatoryName: string) => ({
    cpas_id: cpasId,
    id,
    piis_id: piisId,
    version: 1,
    party,
    signed_on: signedOn,
    signatory_name: signatoryName,
    recorded_by: recordedBy,
  });
  return [signature(ids[0], 'beneficiary', 'The person'), signature(ids[1], 'cpas', 'The president')];
}
