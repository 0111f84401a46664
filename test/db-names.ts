export const TEMPLATE_DB = 'mestring_test_template';

/** The database named in DATABASE_URL serves as the maintenance connection. */
export function adminUrl(url: string): string {
  return url;
}
