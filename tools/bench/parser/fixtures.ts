// The byte streams the parser benchmark feeds, each with how many messages it holds.

export interface Scenario {
  readonly name: string;
  /** One execute() call per iteration gets this whole chunk. */
  readonly chunk: Buffer;
  readonly messagesPerChunk: number;
  readonly bodyBytesPerChunk: number;
}

const BROWSER_GET = [
  'GET /assets/css/main.css?v=1718901234 HTTP/1.1',
  'Host: www.example.com',
  'Connection: keep-alive',
  'sec-ch-ua: "Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"',
  'sec-ch-ua-mobile: ?0',
  'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'sec-ch-ua-platform: "Linux"',
  'Accept: text/css,*/*;q=0.1',
  'Sec-Fetch-Site: same-origin',
  'Sec-Fetch-Mode: no-cors',
  'Sec-Fetch-Dest: style',
  'Referer: https://www.example.com/',
  'Accept-Encoding: gzip, deflate, br, zstd',
  'Accept-Language: en-US,en;q=0.9',
  '',
  '',
].join('\r\n');

const TINY_GET = 'GET / HTTP/1.1\r\nHost: a\r\n\r\n';

function pipelinedGets(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += `GET /page/${i}.html HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: bench/1.0\r\nAccept: */*\r\n\r\n`;
  }
  return out;
}

function chunkedUpload(totalBytes: number, chunkBytes: number): Buffer {
  const parts: Buffer[] = [
    Buffer.from('POST /upload HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', 'latin1'),
  ];
  for (let sent = 0; sent < totalBytes; sent += chunkBytes) {
    parts.push(Buffer.from(`${chunkBytes.toString(16)}\r\n`, 'latin1'), Buffer.alloc(chunkBytes, 0x61), Buffer.from('\r\n', 'latin1'));
  }
  parts.push(Buffer.from('0\r\n\r\n', 'latin1'));
  return Buffer.concat(parts);
}

export const SCENARIOS: readonly Scenario[] = [
  { name: `browser GET (${Buffer.byteLength(BROWSER_GET)} B)`, chunk: Buffer.from(BROWSER_GET, 'latin1'), messagesPerChunk: 1, bodyBytesPerChunk: 0 },
  { name: `tiny GET (${TINY_GET.length} B)`, chunk: Buffer.from(TINY_GET, 'latin1'), messagesPerChunk: 1, bodyBytesPerChunk: 0 },
  { name: '16 pipelined GETs, one chunk', chunk: Buffer.from(pipelinedGets(16), 'latin1'), messagesPerChunk: 16, bodyBytesPerChunk: 0 },
  { name: '64 KiB chunked body (4 KiB chunks)', chunk: chunkedUpload(64 * 1024, 4096), messagesPerChunk: 1, bodyBytesPerChunk: 64 * 1024 },
];
