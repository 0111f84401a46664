import { randomBytes } from 'node:crypto';

export type MultipartFile = {
  fileName: string;
  content: Buffer | string;
  /** Form field name; the upload routes read the first file, the UI calls it "file". */
  field?: string;
  contentType?: string;
};

/**
 * A multipart/form-data body built by hand, byte for byte as a browser sends
 * it, so upload routes are exercised through the real multipart parser.
 */
export function multipartBody(file: MultipartFile): { body: Buffer; contentType: string } {
  const boundary = `----mestring${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.fileName}"\r\n` +
    `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
