package dev.duplex.cli;

import java.util.Map;

import dev.duplex.i18n.Texts;
import dev.duplex.options.Checked;
import dev.duplex.options.ClientTlsInput;
import dev.duplex.options.Field;
import dev.duplex.tls.client.ClientTls;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --client-cert}, {@code --client-key}, {@code --client-cert-password} and {@code --ca}, shared by
 * {@code connect} and {@code replay}: read through the options layer, a file that does not do is a usage
 * error naming the option and why (never a stack trace). The password is never repeated in it.
 */
final class ClientTlsArguments {
    private static final Map<Field, String> OPTION = Map.of(Field.CLIENT_CERT, "--client-cert", Field.CLIENT_KEY,
            "--client-key", Field.CLIENT_CERT_PASSWORD, "--client-cert-password", Field.CA_FILE, "--ca");

    private ClientTlsArguments() { }

    static ClientTls load(CommandSpec spec, Texts texts, String cert, String key, String password, String ca) {
        Checked<ClientTls> loaded = new ClientTlsInput(cert, key, password, ca).load();
        if (loaded.isOk()) return loaded.value();
        throw UsageErrors.problem(spec, texts, loaded.problem(), OPTION.get(loaded.problem().field()), null);
    }
}
