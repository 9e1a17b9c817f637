/**
 * A directory of mixed inputs for the end-to-end ingest test: good reports in every format (four
 * of them about the same attack on Kharkiv, from different outlets and in two languages) and one
 * of each kind of bad input. `bad` lists what the command must reject, by file, line and reason.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const MAX_BYTES = 2000;

const TXT = 'On 24 January 2026 Russian drones struck the Saltivskyi district of Kharkiv, injuring five people, Mayor Ihor Terekhov said. A residential building was damaged.\n';

const HTML = `<!doctype html><html lang="en"><head><title>Drone attack on Kharkiv injures five</title>
<meta property="article:published_time" content="2026-01-24T07:30:00Z"><link rel="canonical" href="https://wire.example.org/kharkiv-drones-0124"></head>
<body><article><h1>Drone attack on Kharkiv injures five</h1>
<p>KHARKIV, Jan 24 (Wire) - Five people were injured when Russian Shahed drones hit the Saltivskyi district of Kharkiv overnight, regional governor Oleh Syniehubov said on Saturday.</p>
<p>Emergency crews put out a fire in an apartment block, he said on Telegram. Officials said the city's air defences were active for several hours.</p>
</article></body></html>
`;

const JSONL = [
  JSON.stringify({ id: 'suspilne-1', text: "Five people were injured in a Russian drone attack on Kharkiv overnight, the city's mayor Ihor Terekhov said. Drones hit a high-rise in the Saltivskyi district.", published: '2026-01-24T08:10:00+02:00', source: 'Suspilne Kharkiv', url: 'https://suspilne.example/k1' }),
  '{"id":"suspilne-2", "text": broken',
  JSON.stringify({ id: 'odesa-1', text: 'A Russian missile hit Odesa this morning, killing two people and injuring seven, regional governor Oleh Kiper said.', published: '2026-01-25T09:00:00Z', source: 'Odesa Daily' }),
].join('\n');

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kyiv Evening Courier</title>
<item><guid>kec-1</guid><link>https://kec.example/1</link><title>Kharkiv hit by drones</title><pubDate>Sat, 24 Jan 2026 10:00:00 GMT</pubDate><description>Russian drones attacked Kharkiv overnight. Five residents were injured and an apartment building in Saltivskyi district was damaged, according to Governor Oleh Syniehubov.</description></item>
<item><guid>kec-2</guid><link>https://kec.example/2</link><title>Sumy shelled</title><pubDate>Mon, 26 Jan 2026 10:00:00 GMT</pubDate><description>Russian artillery shelled Sumy on Monday, injuring three people, the regional administration said.</description></item>
</channel></rss>
`;

const TELEGRAM = {
  name: 'Kharkiv Regional Military Administration',
  type: 'public_channel',
  id: 1500000002,
  username: 'kharkiv_ova_test',
  messages: [
    { id: 1, type: 'service', date: '2026-01-24T06:00:00', date_unixtime: '1769227200', action: 'pin_message', text: '' },
    {
      id: 2,
      type: 'message',
      date: '2026-01-24T09:15:00',
      date_unixtime: '1769238900',
      text: ['Харків. ', "Унаслідок нічної атаки ударних БпЛА на Салтівський район Харкова поранено п'ятьох людей. Пошкоджено багатоповерховий житловий будинок."],
    },
  ],
};

/** Report ids the good inputs give. */
export const GOOD_IDS = ['https://wire.example.org/kharkiv-drones-0124', 'kec-1', 'kec-2', 'kharkiv_ova_test/2', 'odesa-1', 'suspilne-1'];

export interface BadInput {
  file: string;
  line: number | null;
  reason: RegExp;
  /** Whether the offending bytes are kept with the rejection. */
  raw: boolean;
}

export function writeInputs(dir: string): { bad: BadInput[]; txtId: string } {
  mkdirSync(path.join(dir, 'telegram'), { recursive: true });
  const p = (f: string) => path.join(dir, f);
  writeFileSync(p('attack.txt'), TXT);
  writeFileSync(p('wire.html'), HTML);
  writeFileSync(p('posts.jsonl'), JSONL);
  writeFileSync(p('courier.rss'), RSS);
  writeFileSync(p('telegram/result.json'), JSON.stringify(TELEGRAM, null, 1));
  writeFileSync(p('photo.bin'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08, 0x00, 0x00, 0x00, 0xff, 0x10]));
  writeFileSync(p('latin1.txt'), Buffer.concat([Buffer.from('Kharkiv '), Buffer.from([0xff, 0xfe]), Buffer.from(' broken bytes\n')]));
  writeFileSync(p('empty.txt'), '');
  writeFileSync(p('huge.txt'), 'Russian drones struck Kharkiv overnight. '.repeat(80));
  return {
    txtId: p('attack.txt'),
    bad: [
      { file: p('empty.txt'), line: null, reason: /^empty file$/, raw: false },
      { file: p('huge.txt'), line: null, reason: /exceeds the 2000-byte limit/, raw: true },
      { file: p('latin1.txt'), line: null, reason: /^invalid UTF-8 at byte 8$/, raw: true },
      { file: p('photo.bin'), line: null, reason: /^binary file/, raw: true },
      { file: p('posts.jsonl'), line: 2, reason: /^not JSON: /, raw: true },
    ],
  };
}
