import { describe, expect, it } from 'vitest';
import { parseDelimited, parseInviteRows } from './invite-list.ts';

describe('invitation lists', () => {
  it('read a CSV with a header in any column order, quotes and a byte order mark', () => {
    const csv =
      '\uFEFFEmail,Full name\r\nsiti@cahaya.my,"Siti Nur Aisyah binti Abdullah"\r\n"tan@cahaya.my","Tan, Wei Ming"\r\n';
    expect(parseInviteRows(csv)).toEqual([
      { line: 2, name: 'Siti Nur Aisyah binti Abdullah', email: 'siti@cahaya.my', problem: null },
      { line: 3, name: 'Tan, Wei Ming', email: 'tan@cahaya.my', problem: null },
    ]);
  });

  it('read pasted lines: addresses alone, "name, email", "Name <email>" and semicolons', () => {
    const rows = parseInviteRows(
      'kavitha@hotel.my\nJugah anak Nyandang, jugah@ladang.my\nLim Mei Ling <MEI@Ladang.my>\n\n',
    );
    expect(rows.map((row) => [row.line, row.name, row.email, row.problem])).toEqual([
      [1, '', 'kavitha@hotel.my', null],
      [2, 'Jugah anak Nyandang', 'jugah@ladang.my', null],
      [3, 'Lim Mei Ling', 'mei@ladang.my', null],
    ]);
    expect(parseInviteRows('Nama;E-mel\nHafiz;hafiz@x.my').map((row) => row.email)).toEqual(['hafiz@x.my']);
  });

  it('report each bad row with its line', () => {
    const rows = parseInviteRows('name,email\nAli,ali@x.my\nBad,not-an-address\nNobody,\nAli again,ALI@x.my');
    expect(rows.map((row) => [row.line, row.problem])).toEqual([
      [2, null],
      [3, 'invalid-email'],
      [4, 'missing-email'],
      [5, 'duplicate'],
    ]);
  });

  it('keep line numbers right across quoted line breaks', () => {
    const records = parseDelimited('a,"b\nc"\nd,e', ',');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b\nc'] },
      { line: 3, cells: ['d', 'e'] },
    ]);
  });

  it('treat hostile text as text', () => {
    const rows = parseInviteRows('=HYPERLINK("x"),<script>@x.my');
    expect(rows[0]?.problem).toBe('invalid-email');
  });
});
