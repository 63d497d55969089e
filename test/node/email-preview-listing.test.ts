// `npm run email:dev` lists exactly the templates: react-email's own directory reader, run on emails/, is the oracle.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEmailsDirectoryMetadata } from '../../node_modules/@react-email/ui/src/utils/get-emails-directory-metadata';

const EMAILS_DIR = path.resolve(__dirname, '..', '..', 'emails');

describe('the react-email preview of emails/', () => {
  it('lists the five templates and no helper folder or module', async () => {
    const listing = await getEmailsDirectoryMetadata(EMAILS_DIR);
    expect(listing?.emailFilenames.sort()).toEqual(['completion', 'confirmation', 'daily-step', 'support-line', 'welcome']);
    expect(listing?.subDirectories.map((directory) => directory.directoryName)).toEqual([]);
  });
});
