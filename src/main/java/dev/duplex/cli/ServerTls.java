package dev.duplex.cli;

import java.io.IOException;
import java.nio.file.Path;

import dev.duplex.AppDirs;
import dev.duplex.settings.ServerCertificates;
import dev.duplex.tls.ServerIdentity;

/**
 * The certificate a command serves wss:// with ({@code serve} and {@code proxy}): a PKCS#12 file when one is
 * given, else Duplex's own self-signed one, made once and kept.
 */
final class ServerTls {
    private ServerTls() { }

    static ServerIdentity identity(String pkcs12, String password) throws IOException {
        return pkcs12 != null ? ServerCertificates.fromFile(Path.of(pkcs12), password == null ? "" : password)
                : ServerCertificates.ownIn(AppDirs.data());
    }
}
