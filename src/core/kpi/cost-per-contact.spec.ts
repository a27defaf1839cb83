import { costPerContact } from './cost-per-contact.js';

describe('costPerContact', () => {
  it('is costs ÷ contacts (hand computation)', () => {
    expect(costPerContact(12000, 2400)).toBe(5);
    expect(costPerContact(10, 0)).toBeNaN();
  });
});
