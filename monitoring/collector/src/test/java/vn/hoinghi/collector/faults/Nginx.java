package vn.hoinghi.collector.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Debian's nginx in front of collectors, sticky per participant session, on its own prefix and port. */
final class Nginx implements AutoCloseable {

  private final Process process;
  final int port;

  private Nginx(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The upstream as ansible's collector role writes it (roles/collector/templates/nginx-upstream.conf.j2). */
  static Nginx start(Path dir, List<Integer> collectors) throws Exception {
    int port = CollectorProcess.freePort();
    Files.createDirectories(dir.resolve("logs"));
    String servers = collectors.stream().map(p -> "    server 127.0.0.1:" + p + ";")
        .collect(Collectors.joining("\n"));
    Files.writeString(dir.resolve("nginx.conf"), """
        daemon off;
        worker_processes 1;
        user root;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log warn;
        events { worker_connections 256; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          map $http_upgrade $connection_upgrade { default upgrade; '' close; }
          upstream collectors {
            hash $arg_statsSessionId consistent;
        %2$s
          }
          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://collectors;
              proxy_http_version 1.1;
              proxy_set_header Upgrade $http_upgrade;
              proxy_set_header Connection $connection_upgrade;
              proxy_buffering off;
              proxy_read_timeout 1h;
            }
          }
        }
        """.formatted(dir, servers, port));
    Process p = new ProcessBuilder("nginx", "-p", dir.toString(), "-e", dir.resolve("logs/error.log").toString(),
        "-c", dir.resolve("nginx.conf").toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
    for (int i = 0; i < 50; i++) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return new Nginx(p, port);
      } catch (java.io.IOException notYet) {
        if (!p.isAlive()) {
          break;
        }
        Thread.sleep(100);
      }
    }
    p.destroyForcibly();
    throw new AssertionError("nginx did not start (is Debian's nginx installed?): "
        + Files.readString(dir.resolve("logs/error.log")));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
