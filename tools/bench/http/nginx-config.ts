// nginx as the bench runs it: one process (no master, no daemon), serving the bench root with
// headers close to ours, everything it writes kept inside a temp prefix.

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface NginxSetup {
  readonly prefix: string;
  readonly config: string;
  readonly errorLog: string;
}

export interface NginxOptions {
  readonly root: string;
  readonly port: number;
  readonly keepAliveTimeoutS: number;
}

export function nginxConfig(prefix: string, options: NginxOptions): string {
  const p = (name: string): string => path.join(prefix, name);
  return `# Written by tools/bench/http/nginx-config.ts for one bench cell.
daemon off;
master_process off;
worker_processes 1;
pid ${p('nginx.pid')};
error_log ${p('error.log')} warn;
worker_rlimit_nofile 8192;

events {
  worker_connections 4096;
}

http {
  types {
    text/html html;
    text/plain txt;
    image/png png;
    image/jpeg jpg jpeg;
  }
  default_type application/octet-stream;
  charset utf-8;
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  # Ours and node:http keep files in memory; the fair nginx counterpart caches open files.
  open_file_cache max=64 inactive=60s;
  keepalive_timeout ${options.keepAliveTimeoutS}s;
  client_body_temp_path ${p('client_body')};
  proxy_temp_path ${p('proxy')};
  fastcgi_temp_path ${p('fastcgi')};
  uwsgi_temp_path ${p('uwsgi')};
  scgi_temp_path ${p('scgi')};

  server {
    listen 127.0.0.1:${options.port};
    server_name 127.0.0.1 localhost;
    root ${options.root};
    index index.html;

    # Same download behaviour as ours: every type but html is an attachment.
    location ~ "^/(?<fname>[^/]+\\.(txt|png|jpe?g))$" {
      add_header Content-Disposition 'attachment; filename="$fname"';
    }
  }
}
`;
}

/** Writes the config into a fresh prefix folder under `scratch`. */
export function writeNginxSetup(scratch: string, options: NginxOptions): NginxSetup {
  const prefix = path.join(scratch, `nginx-${options.port}`);
  mkdirSync(prefix, { recursive: true });
  const config = path.join(prefix, 'nginx.conf');
  writeFileSync(config, nginxConfig(prefix, options));
  return { prefix, config, errorLog: path.join(prefix, 'error.log') };
}
