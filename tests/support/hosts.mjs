// Real nginx and Apache (Debian's packages: `cargo xtask test` installs them) serving
// a build the way its owner deploys it, with the configuration the build wrote
// (scripts/post-build/hosts.mjs), for tests/e2e/hosts.spec.ts. Each server runs with
// a configuration file of its own in a temporary folder (never the system's), its
// pid and log files there too, on a free port of 127.0.0.1, and is stopped after.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.mjs';

export const NGINX = '/usr/sbin/nginx';
export const APACHE = '/usr/sbin/apache2';
const APACHE_MODULES = '/usr/lib/apache2/modules';
const INSTALL = 'apt-get install -y nginx apache2 (cargo xtask test does, as root)';

// Run as root, each server's workers run as Debian's www-data, as they would on a
// host (Apache refuses to serve as root; nginx's default user has no group here).
const asRoot = process.getuid?.() === 0;

/**
 * A temporary host: `www/` is the server's root, and the build is copied to
 * `www<base>` as a deployment copies it (its nginx.conf and .htaccess with it).
 */
async function deploy(buildDir, base) {
  const dir = await mkdtemp(join(tmpdir(), 'goosebumps-host-'));
  // Readable by the workers (www-data): mkdtemp makes the folder private.
  await chmod(dir, 0o755);
  const www = join(dir, 'www');
  const site = join(www, base);
  await mkdir(site, { recursive: true });
  await cp(buildDir, site, { recursive: true });
  return { dir, www, site };
}

/** Starts `command`, waits until `url` answers; a handle whose stop() ends it. */
async function run(name, command, args, url, logs) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let gone;
  exited.then((e) => (gone = e));
  const why = async () => {
    const texts = await Promise.all(logs.map((log) => readFile(log, 'utf8').catch(() => '')));
    return `${output}\n${texts.join('\n')}`.trim();
  };
  for (let i = 0; i < 100; i++) {
    if (gone) throw new Error(`${name} stopped (${gone.code ?? gone.signal}) at start:\n${await why()}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return {
        log: why,
        async stop() {
          if (!gone) child.kill('SIGTERM');
          await exited;
        },
      };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer at ${url}:\n${await why()}`);
}

const need = (path) => {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${INSTALL}`);
};

/**
 * nginx serving `buildDir` (built for `base`) with the build's nginx.conf, included
 * in a `server { }` block as README says: { url, stop(), log() }.
 */
export async function startNginx(buildDir, base) {
  need(NGINX);
  const { dir, www, site } = await deploy(buildDir, base);
  const port = await freePort();
  const temp = join(dir, 'nginx-temp');
  await mkdir(temp);
  const conf = join(dir, 'nginx-host.conf');
  await writeFile(
    conf,
    `# The test's own nginx (tests/support/hosts.mjs): Debian's mime.types, the build's nginx.conf.
${asRoot ? 'user www-data;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log ${dir}/nginx-access.log;
    client_body_temp_path ${temp}/body;
    proxy_temp_path ${temp}/proxy;
    fastcgi_temp_path ${temp}/fastcgi;
    uwsgi_temp_path ${temp}/uwsgi;
    scgi_temp_path ${temp}/scgi;
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        root ${www};
        include ${join(site, 'nginx.conf')};
    }
}
`,
  );
  const host = await run('nginx', NGINX, ['-p', dir, '-e', `${dir}/nginx-error.log`, '-c', conf], `http://127.0.0.1:${port}/`, [
    `${dir}/nginx-error.log`,
  ]);
  return { url: `http://127.0.0.1:${port}`, log: host.log, stop: () => host.stop().finally(() => rm(dir, { recursive: true, force: true })) };
}

// What Debian's apache2 enables by default, with mod_headers (`a2enmod headers`):
// mod_autoindex among them, so the .htaccess must turn listings off itself.
const APACHE_LOAD = [
  ['mpm_event_module', 'mod_mpm_event.so'],
  ['authz_core_module', 'mod_authz_core.so'],
  ['authz_host_module', 'mod_authz_host.so'],
  ['alias_module', 'mod_alias.so'],
  ['autoindex_module', 'mod_autoindex.so'],
  ['deflate_module', 'mod_deflate.so'],
  ['dir_module', 'mod_dir.so'],
  ['env_module', 'mod_env.so'],
  ['filter_module', 'mod_filter.so'],
  ['headers_module', 'mod_headers.so'],
  ['mime_module', 'mod_mime.so'],
  ['negotiation_module', 'mod_negotiation.so'],
  ['reqtimeout_module', 'mod_reqtimeout.so'],
  ['setenvif_module', 'mod_setenvif.so'],
];

/**
 * Apache serving `buildDir` (built for `base`) with the build's .htaccess where the
 * copy puts it, allowed only what its comment asks for: { url, stop(), log() }.
 */
export async function startApache(buildDir, base) {
  need(APACHE);
  const { dir, www, site } = await deploy(buildDir, base);
  const port = await freePort();
  const conf = join(dir, 'apache-host.conf');
  await writeFile(
    conf,
    `# The test's own Apache (tests/support/hosts.mjs): Debian's defaults, the build's .htaccess.
ServerRoot ${dir}
DefaultRuntimeDir ${dir}
PidFile ${dir}/apache.pid
ErrorLog ${dir}/apache-error.log
LogLevel warn
${APACHE_LOAD.map(([name, file]) => `LoadModule ${name} ${APACHE_MODULES}/${file}`).join('\n')}
${asRoot ? 'User www-data\nGroup www-data' : ''}
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
TypesConfig /etc/mime.types
AddOutputFilterByType DEFLATE text/html text/plain text/xml text/css text/javascript application/javascript application/json
DocumentRoot ${www}
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
<Directory ${www}>
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
<Directory ${site}>
    AllowOverride FileInfo Indexes Options=Indexes
</Directory>
AccessFileName .htaccess
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>
`,
  );
  const host = await run('Apache', APACHE, ['-f', conf, '-DFOREGROUND'], `http://127.0.0.1:${port}/`, [`${dir}/apache-error.log`]);
  return { url: `http://127.0.0.1:${port}`, log: host.log, stop: () => host.stop().finally(() => rm(dir, { recursive: true, force: true })) };
}
