import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s), as every authenticator app expects. A code is accepted
 * for the current step and one step either side (clock drift), and only for a step later than
 * the last one accepted: a code seen once can never sign in again (replay).
 */
const TOLERANCE_S = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export async function enrolmentDetails(secret: string, email: string) {
  const uri = generateURI({ issuer: "Waypoint", label: email, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { otpauthUri: uri, qrSvg };
}

/** The accepted time step, or null. `lastStep` blocks replay of that step and earlier ones. */
export async function checkTotp(
  secret: string,
  code: string,
  at: Date,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  // If the server clock has gone back behind the last accepted step (an NTP correction), every
  // code it could accept now is at or before that step: refuse, as a replay would be (otplib
  // would throw instead, which would answer 500).
  const currentStep = Math.floor(at.getTime() / 1000 / 30);
  if (lastStep !== null && lastStep >= currentStep + 1) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: TOLERANCE_S,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  // The functional API types HOTP and TOTP results alike; a TOTP result carries its time step.
  return result.valid ? ((result as { timeStep?: number }).timeStep ?? null) : null;
}

/** For tests and tooling: the code an authenticator would show at an instant. */
export function totpAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}
