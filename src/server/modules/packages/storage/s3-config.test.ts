import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';

// S3_* settings as config.ts reads them: all or nothing, checked at start.

const base = { NODE_ENV: 'test' as const };
const minio = {
  ...base,
  S3_ENDPOINT: 'https://minio.kommune.example:9000/',
  S3_BUCKET: 'mestring-packages',
  S3_ACCESS_KEY_ID: 'mestring',
  S3_SECRET_ACCESS_KEY: 'very-secret-value',
};

describe('package storage configuration', () => {
  it('keeps packages on the local disk when no S3_ setting is given, or every one is empty', () => {
    expect(loadConfig(base).packageS3).toBeNull();
    expect(loadConfig({ ...base, S3_ENDPOINT: '', S3_BUCKET: '', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '', S3_PREFIX: '', S3_REGION: '', S3_FORCE_PATH_STYLE: '' }).packageS3).toBeNull();
  });

  it('reads a self-hosted server (MinIO and the like) with path-style addresses by default', () => {
    expect(loadConfig({ ...minio, S3_PREFIX: '/mestring/packages/' }).packageS3).toEqual({
      endpoint: 'https://minio.kommune.example:9000',
      region: 'us-east-1',
      bucket: 'mestring-packages',
      accessKeyId: 'mestring',
      secretAccessKey: 'very-secret-value',
      prefix: 'mestring/packages/',
      forcePathStyle: true,
    });
    expect(loadConfig({ ...minio, S3_FORCE_PATH_STYLE: 'false', S3_REGION: 'garage' }).packageS3).toMatchObject({ forcePathStyle: false, region: 'garage', prefix: '' });
  });

  it('uses AWS S3 of the region, with virtual-hosted addresses, when no endpoint is given', () => {
    const { S3_ENDPOINT: _, ...aws } = minio;
    expect(loadConfig({ ...aws, S3_REGION: 'eu-north-1' }).packageS3).toMatchObject({ endpoint: 'https://s3.eu-north-1.amazonaws.com', region: 'eu-north-1', forcePathStyle: false });
    expect(loadConfig(aws).packageS3).toMatchObject({ endpoint: 'https://s3.us-east-1.amazonaws.com', region: 'us-east-1' });
  });

  it('refuses to start on a partial configuration, naming what is missing and never printing the secret', () => {
    expect(() => loadConfig({ ...base, S3_BUCKET: 'mestring-packages' })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: package storage in S3 needs/);
    expect(() => loadConfig({ ...base, S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: .*\(S3_ENDPOINT is set\)/);
    const { S3_ACCESS_KEY_ID: _, ...noKey } = minio;
    let message = '';
    try {
      loadConfig(noKey);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^Mestring cannot start; fix the environment:\n {2}- S3_ACCESS_KEY_ID: /);
    expect(message).toContain('unset every S3_ setting to keep packages under MESTRING_DATA_DIR');
    expect(message).not.toContain('very-secret-value');
  });

  it('refuses malformed values', () => {
    expect(() => loadConfig({ ...minio, S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/);
    expect(() => loadConfig({ ...minio, S3_ENDPOINT: 'ftp://minio.example' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ ...minio, S3_ENDPOINT: 'https://minio.example/?x=1' })).toThrow(/S3_ENDPOINT: must not have a query/);
    expect(() => loadConfig({ ...minio, S3_BUCKET: 'My Bucket' })).toThrow(/S3_BUCKET: must be a bucket name/);
    expect(() => loadConfig({ ...minio, S3_PREFIX: 'a/../b' })).toThrow(/S3_PREFIX/);
    expect(() => loadConfig({ ...minio, S3_PREFIX: 'a//b' })).toThrow(/S3_PREFIX/);
    expect(() => loadConfig({ ...minio, S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
    expect(() => loadConfig({ ...minio, S3_REGION: 'EU North' })).toThrow(/S3_REGION/);
  });
});
