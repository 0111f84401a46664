import { API_BASE } from '../../../api/client';

// Addresses of the certificate API. Downloads are plain links: the session
// cookie goes along with a same-origin GET, and the browser saves the file
// under the name the server gives.

export const certificatesPath = (municipalityId: string) => `/municipalities/${municipalityId}/certificates`;
export const pdfHref = (municipalityId: string, certificateId: string) => `${API_BASE}${certificatesPath(municipalityId)}/${certificateId}/pdf`;
export const badgeHref = (municipalityId: string, certificateId: string) => `${API_BASE}${certificatesPath(municipalityId)}/${certificateId}/badge?download=1`;
export const issuerKeysPath = (municipalityId: string) => `/municipalities/${municipalityId}/issuer-keys`;
export const jwksHref = (municipalityId: string) => `${API_BASE}/issuers/${municipalityId}/jwks`;
export const verifyCodePath = (code: string) => `/verify/${encodeURIComponent(code)}`;

/** A date as the UI language writes it ("3. mars 2026", "3 March 2026"). */
export function formatDay(iso: string, lang: string): string {
  return new Date(iso).toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** True when what was typed can be a verification code (16 symbols, dashes and spaces ignored). */
export function looksLikeCode(input: string): boolean {
  return /^[A-Za-z2-9]{16}$/.test(input.replace(/[\s-]/g, ''));
}
