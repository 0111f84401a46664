import type { CampaignStatus } from '../../../shared/api/mapping.js';

/** draft until published; then scheduled → open → closed by its dates, or closed early by hand. */
export function campaignStatus(c: { published_at: Date | null; opens_at: Date; closes_at: Date; closed_at: Date | null }, now = new Date()): CampaignStatus {
  if (!c.published_at) return 'draft';
  if (c.closed_at || c.closes_at.getTime() <= now.getTime()) return 'closed';
  if (c.opens_at.getTime() > now.getTime()) return 'scheduled';
  return 'open';
}
