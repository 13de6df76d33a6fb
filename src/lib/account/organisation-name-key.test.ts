import { describe, expect, it } from 'vitest';
import { organisationNameKey } from './rules.ts';

describe('employer name keys', () => {
  it('make the spellings of one company one employer', () => {
    const key = organisationNameKey('Lintas Pulau Logistics Sdn Bhd');
    for (const spelling of [
      'lintas pulau logistics sdn. bhd',
      'LINTAS PULAU LOGISTICS SDN. BHD.',
      '  Lintas  Pulau Logistics Sdn.Bhd. ',
      'Lintas Pulau Logistics Sendirian Berhad',
      'Lintas Pulau Logistics SdnBhd',
    ])
      expect(organisationNameKey(spelling), spelling).toBe(key);
    expect(organisationNameKey('Ladang Sungai Sarawak Berhad')).toBe(
      organisationNameKey('Ladang Sungai Sarawak Bhd.'),
    );
  });

  it('keep different names apart', () => {
    expect(organisationNameKey('Lintas Pulau Logistic Sdn Bhd')).not.toBe(
      organisationNameKey('Lintas Pulau Logistics Sdn Bhd'),
    );
    expect(organisationNameKey('Berhadapan Sdn Bhd')).toBe('berhadapan sdn bhd');
  });
});
