import { replyBody, ticketTitle } from './inbound-ticket.consumer';

describe('ticket titles from inbound messages', () => {
  it('uses the subject when there is one', () => {
    expect(ticketTitle('  Invoice   missing ', 'Where is it?')).toBe('Invoice missing');
  });

  it('falls back to the first words of the text, marking a cut', () => {
    expect(ticketTitle(null, 'Hello, my printer on the second floor stopped printing this morning')).toBe(
      'Hello, my printer on the second floor stopped…',
    );
    expect(ticketTitle('', 'Short text')).toBe('Short text');
  });

  it('never answers an empty title', () => {
    expect(ticketTitle(null, '   ')).toBe('Inbound message');
  });
});

describe('reply bodies from inbound messages', () => {
  it('keeps the text, else the subject, and never answers an empty body', () => {
    expect(replyBody('Re: Refund', '  Thanks, received.  ')).toBe('Thanks, received.');
    expect(replyBody('Re: Refund', '   ')).toBe('Re: Refund');
    expect(replyBody(null, '')).toBe('(empty message)');
  });
});
