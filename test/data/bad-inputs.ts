/** Part 5 of issue 3: each bad file gets one line naming the file, the line where known, and a fix. */
export const BAD_INPUTS: readonly {
  readonly name: string;
  readonly file: string;
  readonly content: string | Buffer;
  readonly where: string;
  readonly says: RegExp;
  readonly label?: string;
}[] = [
  {
    name: 'a ragged row',
    file: 'ragged.csv',
    content: 'a,b,y\n1,2,0\n3,4,1,9\n',
    where: 'ragged.csv:3',
    says: /row has 4 fields, the header has 3/,
  },
  {
    name: 'a short row',
    file: 'short.csv',
    content: 'a,b,y\n1,2,0\n3,4\n',
    where: 'short.csv:3',
    says: /row has 2 fields/,
  },
  {
    name: 'an unclosed quote',
    file: 'quote.csv',
    content: 'a,b,y\n1,2,0\n3,"4,1\n5,6,7\n',
    where: 'quote.csv:3',
    says: /quoted field is opened and never closed/,
  },
  {
    name: 'a UTF-16 byte-order mark',
    file: 'utf16.csv',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,y\n1,0\n', 'utf16le')]),
    where: 'utf16.csv:1',
    says: /UTF-16/,
  },
  {
    name: 'non-UTF-8 bytes',
    file: 'latin1.csv',
    content: Buffer.from('a,b,y\n1,caf\xe9,0\n', 'latin1'),
    where: 'latin1.csv:2',
    says: /not valid UTF-8/,
  },
  { name: 'an empty file', file: 'empty.csv', content: '', where: 'empty.csv', says: /the file is empty/ },
  {
    name: 'a header only',
    file: 'header.csv',
    content: 'a,b,y\n',
    where: 'header.csv',
    says: /header row but no data rows/,
  },
  {
    name: 'duplicate column names',
    file: 'dup.csv',
    content: 'a,a,y\n1,2,0\n',
    where: 'dup.csv:1',
    says: /column name "a" appears twice/,
  },
  {
    name: 'a label column that is not there',
    file: 'nolabel.csv',
    content: 'a,b\n1,2\n',
    where: 'nolabel.csv',
    says: /label column "y" not found — columns are: a, b/,
  },
  {
    name: 'a file that does not exist',
    file: 'missing.csv',
    content: '',
    where: '/nonexistent/missing.csv',
    says: /no such data file/,
  },
];
