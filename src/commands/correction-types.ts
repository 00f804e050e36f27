// Readers' corrections as commands see them: the workspace they apply to and the stored rows.
// Types only (re-exported by types.ts).
import type { ChannelPlatform } from '../domain.js';

/** A workspace (Slack team, Discord guild): corrections apply to it alone. */
export interface WorkspaceRef {
  platform: ChannelPlatform;
  workspaceId: string;
}

/** One stored correction (store/corrections.ts): one theme added or removed, who, where, when. */
export interface ThemeCorrection extends WorkspaceRef {
  seq: number;
  storyId: string;
  theme: string;
  action: 'add' | 'remove';
  userId: string;
  channelId: string;
  createdAt: string;
  note: string | null;
}

export interface CorrectedStory {
  id: string;
  title: string;
  url: string | null;
}

/** A correction with its story's headline (null when the story has left the archive). */
export interface CorrectionListItem extends ThemeCorrection {
  title: string | null;
  url: string | null;
}
