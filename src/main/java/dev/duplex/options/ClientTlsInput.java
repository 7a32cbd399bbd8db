package dev.duplex.options;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import dev.duplex.tls.client.ClientTls;
import dev.duplex.tls.client.ClientTlsFiles;
import dev.duplex.tls.client.ClientTlsFileException;

/**
 * A client's TLS files as typed (a client tab's Client certificate, Key file, Password and CA file;
 * {@code connect}'s {@code --client-cert}, {@code --client-key}, {@code --client-cert-password}, {@code --ca}).
 * Each may be null or blank for "none".
 */
public record ClientTlsInput(String certificate, String key, String password, String authorities) {
    public static final ClientTlsInput NONE = new ClientTlsInput(null, null, null, null);

    /** The files named, without reading them (safe on the FX thread); or the first field that is no path. */
    public Checked<ClientTlsFiles> files() {
        try {
            Path cert = path(certificate, Field.CLIENT_CERT);
            Path keyFile = path(key, Field.CLIENT_KEY);
            Path ca = path(authorities, Field.CA_FILE);
            if (keyFile != null && cert == null) {
                return Checked.bad(Field.CLIENT_KEY, "form.clientTls.keyWithoutCert", keyFile.getFileName());
            }
            String pass = password == null || password.isEmpty() ? null : password;
            return Checked.ok(new ClientTlsFiles(cert, keyFile, pass, ca));
        } catch (Checked.Invalid e) {
            return Checked.bad(e.problem);
        }
    }

    /**
     * The files read: the certificate and key checked to match, the CAs parsed. Reads the disk: call it off
     * the FX thread. A file that does not do is named, with why, on the field it was typed into.
     */
    public Checked<ClientTls> load() {
        Checked<ClientTlsFiles> files = files();
        if (!files.isOk()) return Checked.bad(files.problem());
        try {
            return Checked.ok(ClientTls.load(files.value()));
        } catch (ClientTlsFileException e) {
            return Checked.bad(problem(e, files.value()));
        } catch (IOException e) {
            return Checked.bad(Field.CLIENT_CERT, "form.clientTls.UNREADABLE", files.value().certificate(), e.getMessage());
        }
    }

    private static FieldProblem problem(ClientTlsFileException e, ClientTlsFiles files) {
        Field field = e.file().equals(files.authorities()) ? Field.CA_FILE
                : e.reason() == ClientTlsFileException.Reason.WRONG_PASSWORD ? Field.CLIENT_CERT_PASSWORD
                : e.file().equals(files.key()) ? Field.CLIENT_KEY : Field.CLIENT_CERT;
        String detail = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
        return FieldProblem.of(field, "form.clientTls." + e.reason().name(), e.file().toString(), detail);
    }

    private static Path path(String typed, Field field) throws Checked.Invalid {
        String text = Typed.text(typed).strip();
        if (text.isEmpty()) return null;
        if (Typed.hasControl(text)) throw new Checked.Invalid(FieldProblem.of(field, "form.clientTls.path", text));
        try {
            return Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
        } catch (InvalidPathException e) {
            throw new Checked.Invalid(FieldProblem.of(field, "form.clientTls.path", text));
        }
    }
}
