// Activity ids Mestring assigns to SCORM content (which has none of its own).
// They hang off the package id, not the version, so statements about an item
// keep pointing at the same activity when a new version is uploaded.

export const packageActivityId = (publicUrl: string, packageId: string) => `${publicUrl}/xapi/activities/packages/${packageId}`;

export const scormItemActivityId = (publicUrl: string, packageId: string, itemIdentifier: string) =>
  `${packageActivityId(publicUrl, packageId)}/${encodeURIComponent(itemIdentifier)}`;
