package dev.duplex.settings;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import dev.duplex.files.AtomicFiles;
import dev.duplex.secrets.Secrets;

/**
 * Keeps the Proxy pane's form in {@code proxy.properties} beside the settings, written atomically. The form
 * keeps no secret: a header set on the upgrade that carries one (Authorization, a token) is left out, and a
 * secret in the upstream's query is kept as {@code ****}, as saved connections do without "with secrets".
 * A file that cannot be read is moved aside and the pane starts empty.
 */
public final class ProxyFormStore {
    public static final String FILE_NAME = "proxy.properties";

    private final Path dir;

    public ProxyFormStore(Path dir) {
        this.dir = dir;
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    /** What {@link #load()} found: the form, and where a file that could not be read went (null if none). */
    public record Loaded(ProxyForm form, Path movedAside) { }

    /** The form kept, or the defaults when there is none or it cannot be read (that file is then moved aside). */
    public Loaded load() {
        Path file = file();
        if (!Files.exists(file)) return new Loaded(ProxyForm.DEFAULTS, null);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return new Loaded(ProxyForm.DEFAULTS, AtomicFiles.moveAside(file));
        }
        return new Loaded(new ProxyForm(p.getProperty("listen"), p.getProperty("upstream"), p.getProperty("rewrites"),
                p.getProperty("drops"), p.getProperty("delays"), p.getProperty("trust"), p.getProperty("setHeaders"),
                p.getProperty("removeHeaders"), Boolean.parseBoolean(p.getProperty("answerPings")),
                Boolean.parseBoolean(p.getProperty("tls"))), null);
    }

    /** Writes the form without its secrets; a form with nothing typed leaves no file. */
    public void save(ProxyForm form) throws IOException {
        ProxyForm kept = withoutSecrets(form);
        if (kept.equals(ProxyForm.DEFAULTS)) {
            Files.deleteIfExists(file());
            return;
        }
        Properties p = new Properties();
        p.setProperty("listen", kept.listen());
        p.setProperty("upstream", kept.upstream());
        p.setProperty("rewrites", kept.rewrites());
        p.setProperty("drops", kept.drops());
        p.setProperty("delays", kept.delays());
        p.setProperty("trust", kept.trust());
        p.setProperty("setHeaders", kept.setHeaders());
        p.setProperty("removeHeaders", kept.removeHeaders());
        p.setProperty("answerPings", Boolean.toString(kept.answerPings()));
        p.setProperty("tls", Boolean.toString(kept.tls()));
        AtomicFiles.write(file(), out -> p.store(new OutputStreamWriter(out, StandardCharsets.UTF_8), "Duplex proxy form"));
    }

    /** The form as it is written: secret headers left out, a secret query value masked. */
    static ProxyForm withoutSecrets(ProxyForm f) {
        List<String> kept = new ArrayList<>();
        for (String line : f.setHeaders().split("\n", -1)) {
            if (!Secrets.isSecretHeaderLine(line)) kept.add(line);
        }
        String upstream = f.upstream().isBlank() ? f.upstream() : Secrets.maskedTarget(f.upstream(), Set.of());
        return new ProxyForm(f.listen(), upstream, f.rewrites(), f.drops(), f.delays(), f.trust(),
                String.join("\n", kept).strip(), f.removeHeaders(), f.answerPings(), f.tls());
    }
}
