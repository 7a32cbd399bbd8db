package dev.duplex.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.duplex.decode.AppProtocols;
import dev.duplex.i18n.Texts;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.options.Checked;
import dev.duplex.options.AuthInput;
import dev.duplex.options.ClientInput;
import dev.duplex.secrets.Masking;
import dev.duplex.options.CurlInput;
import dev.duplex.options.Field;
import dev.duplex.rules.Environments;
import dev.duplex.rules.RuleFile;
import dev.duplex.rules.RuleSet;
import dev.duplex.rules.Variables;
import dev.duplex.options.FieldProblem;
import dev.duplex.tls.Fingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code duplex connect URL}: the window's client on standard input and output (see {@link ConsoleClient}).
 * The options are a client tab's URL and Connection options, typed as text and read by {@code
 * dev.duplex.options} as the window reads its fields.
 */
@Command(name = "connect", mixinStandardHelpOptions = true, sortOptions = false)
final class ConnectCommand implements Callable<Integer> {
    /** Which option each field of the options layer is typed into, to name it in a usage error. */
    private static final Map<Field, String> OPTION = Map.ofEntries(Map.entry(Field.URL, "URL"),
            Map.entry(Field.ORIGIN, "--origin"), Map.entry(Field.HEADERS, "--header"),
            Map.entry(Field.SUBPROTOCOLS, "--subprotocol"), Map.entry(Field.CONNECT_TIMEOUT, "--timeout"),
            Map.entry(Field.WAIT, "--wait"), Map.entry(Field.TRUST, "--trust"), Map.entry(Field.OUTBOUND_PROXY, "--proxy"),
            Map.entry(Field.AUTH_USER, "--basic"), Map.entry(Field.AUTH_PASSWORD, "--basic"),
            Map.entry(Field.AUTH_BEARER, "--bearer"), Map.entry(Field.AUTH_COOKIES, "--cookie"),
            Map.entry(Field.AUTH_QUERY, "--query-token"), Map.entry(Field.DEFLATE, "--deflate-params"));
    /** Options whose value is a secret: a usage error never repeats it (a proxy's can hold a password too). */
    private static final java.util.Set<Field> SECRET = java.util.EnumSet.of(Field.OUTBOUND_PROXY, Field.AUTH_USER,
            Field.AUTH_PASSWORD, Field.AUTH_BEARER, Field.AUTH_COOKIES, Field.AUTH_QUERY);

    @ParentCommand
    private DuplexCommand duplex;
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", descriptionKey = "url") String url;
    @Option(names = "--curl", paramLabel = "'curl …'") String curl;
    @Option(names = "--basic", paramLabel = "USER:PASSWORD") String basic;
    @Option(names = "--bearer", paramLabel = "TOKEN") String bearer;
    @Option(names = "--cookie", paramLabel = "'NAME=VALUE; …'") String cookie;
    @Option(names = "--query-token", paramLabel = "NAME=VALUE") String queryToken;
    @Option(names = "--show-secrets") boolean showSecrets;
    @Option(names = "--save-secrets") boolean saveSecrets;
    @Option(names = "--echo") boolean echo;
    @Option(names = "--origin", paramLabel = "ORIGIN") String origin;
    @Option(names = "--no-origin") boolean noOrigin;
    @Option(names = "--header", paramLabel = "'NAME: VALUE'") List<String> headers;
    @Option(names = "--subprotocol", paramLabel = "NAME") List<String> subprotocols;
    @Option(names = "--deflate") boolean deflate;
    @Option(names = "--deflate-params", paramLabel = "PARAMS") String deflateParams;
    @Option(names = "--timeout", paramLabel = "MS") String timeout;
    @Option(names = "--binary") boolean binary;
    @Option(names = "--show-frames") boolean showFrames;
    @Option(names = "--show-handshake") boolean showHandshake;
    @Option(names = "--wait", paramLabel = "MS") String waitMs;
    @Option(names = "--save", paramLabel = "FILE") String save;
    @Option(names = "--trust", paramLabel = "SHA256") List<String> trust;
    @Option(names = "--proxy", paramLabel = "URL") String proxy;
    @Option(names = "--no-proxy") boolean noProxy;
    @Option(names = "--client-cert", paramLabel = "FILE") String clientCert;
    @Option(names = "--client-key", paramLabel = "FILE") String clientKey;
    @Option(names = "--client-cert-password", paramLabel = "PASSWORD") String clientCertPassword;
    @Option(names = "--ca", paramLabel = "FILE") String caFile;
    @Option(names = "--decode", paramLabel = "PROTOCOL") String decode;
    @Option(names = "--no-heartbeat") boolean noHeartbeat;
    @Option(names = "--login", paramLabel = "USER[:PASSWORD]") String appLogin;
    @Option(names = "--connection-init", paramLabel = "JSON") String connectionInit;
    @Option(names = "--vhost", paramLabel = "NAME") String virtualHost;
    @Option(names = "--will", paramLabel = "'[qos=N] [retain] TOPIC MESSAGE'") String will;
    @Option(names = "--rules", paramLabel = "FILE") String rulesFile;
    @Option(names = "--expect", paramLabel = "REGEX") List<String> expects;
    @Option(names = "--var", paramLabel = "NAME=VALUE") List<String> vars;
    @Option(names = "--env", paramLabel = "NAME") String environment;
    @Option(names = "--env-file", paramLabel = "FILE") String environmentFile;

    @Override
    public Integer call() {
        RuleSet rules = rules();
        // {{name}} in the URL, the Origin and the headers, from --var and the rule file's variables.
        Variables given = new Variables(rules.variables());
        if (url != null) url = given.fill(url);
        if (origin != null) origin = given.fill(origin);
        if (headers != null) headers = headers.stream().map(given::fill).toList();
        if (decode != null) subprotocols = AppProtocols.offer(decode, subprotocols == null ? List.of() : subprotocols);
        AuthInput.Auth auth = auth();
        ClientInput.Connection connection = auth.applyTo(connection());
        Masking shown = new Masking(showSecrets, auth.secretParams());
        Masking saved = new Masking(saveSecrets, auth.secretParams());
        int wait = checked(ClientInput.replyWaitMs(waitMs));
        if (appLogin != null && (decode == null || dev.duplex.decode.AppLogin.parse(appLogin).isEmpty())) {
            throw new ParameterException(spec.commandLine(), duplex.console().texts().get("cli.usage.login", appLogin));
        }
        if (connectionInit != null && (decode == null || !dev.duplex.decode.ProtocolSetup.isJsonObject(connectionInit))) {
            throw new ParameterException(spec.commandLine(), duplex.console().texts().get("cli.usage.connectionInit", connectionInit));
        }
        if (will != null && (decode == null || !dev.duplex.decode.mqtt.MqttSession.willReads(will) || will.isBlank())) {
            throw new ParameterException(spec.commandLine(), duplex.console().texts().get("cli.usage.will", will));
        }
        if (virtualHost != null && decode == null) {
            throw UsageErrors.conflict(spec, duplex.console().texts(), "cli.usage.goesWith", "--vhost", "--decode");
        }
        if (decode != null && !AppProtocols.known(decode)) {
            throw UsageErrors.conflict(spec, duplex.console().texts(), "cli.usage.decode", decode,
                    String.join(", ", AppProtocols.NAMES));
        }
        List<Fingerprint> trusted = checked(ClientInput.trusted(trust));
        ConsoleClient client = new ConsoleClient(duplex.console(), new ConsoleClient.Show(showFrames, showHandshake, binary, shown, saved, echo));
        client.client().trust(trusted);
        if (!rules.isEmpty()) client.rules(rules.start(Map.of()));
        client.client().setEcho(echo);
        client.client().proxy(proxyChoice());
        client.client().clientTls(ClientTlsArguments.load(spec, duplex.console().texts(), clientCert, clientKey,
                clientCertPassword, caFile));
        java.net.URI target = connection.url();
        if (decode != null) {
            target = AppProtocols.completeUrl(decode, target);
            java.net.URI at = target;
            List<String> offered = subprotocols == null ? List.of() : subprotocols;
            dev.duplex.decode.ProtocolSetup setup = new dev.duplex.decode.ProtocolSetup(!noHeartbeat,
                    dev.duplex.decode.AppLogin.parse(appLogin), connectionInit, virtualHost, will);
            if (AppProtocols.forConnection(decode, at, offered, setup).isPresent()) {
                // One instance per connection: a reconnect starts the protocol afresh.
                client.decode(() -> AppProtocols.forConnection(decode, at, offered, setup).orElseThrow());
            } else {
                duplex.console().err().println("duplex connect: " + duplex.console().texts().get("decode.none"));
            }
        }
        int status = client.converse(target, connection.options(), wait);
        if (save != null && !client.save(Path.of(save))) return Cli.FAILED;
        return status;
    }

    /** --rules FILE, --expect REGEX… and --var NAME=VALUE…, as one set; a mistake is a usage error saying where. */
    RuleSet rules() throws ParameterException {
        try {
            RuleSet set = rulesFile == null ? RuleSet.NONE : RuleFile.read(Path.of(rulesFile));
            if (expects != null) set = set.and(RuleSet.expecting(expects));
            for (Map.Entry<String, String> v : environment().entrySet()) set = set.with(v.getKey(), v.getValue());
            for (String v : vars == null ? List.<String>of() : vars) {
                int eq = v.indexOf('=');
                if (eq <= 0) throw new RuleFile.BadRules("--var " + v, "cli.usage.var");
                set = set.with(v.substring(0, eq).strip(), v.substring(eq + 1));
            }
            return set;
        } catch (RuleFile.BadRules e) {
            throw new ParameterException(spec.commandLine(), e.text(duplex.console().texts()));
        }
    }

    /**
     * --env NAME: that environment's variables, from --env-file or the window's file in Duplex's config folder;
     * none without --env. They win over the rules' variables, and --var over them.
     */
    private Map<String, String> environment() throws RuleFile.BadRules {
        if (environment == null) {
            if (environmentFile != null) throw new RuleFile.BadRules("--env-file", "cli.usage.envFile");
            return Map.of();
        }
        Path file = environmentFile != null ? Path.of(environmentFile) : dev.duplex.AppDirs.config().resolve(Environments.FILE);
        Environments all = Environments.read(file);
        if (!all.has(environment)) {
            throw new RuleFile.BadRules("--env " + environment, "cli.usage.env", file.toString(),
                    all.names().isEmpty() ? "-" : String.join(", ", all.names()));
        }
        return all.variables(environment);
    }

    /** The URL and options, as the window makes them from a tab's fields (null options: the defaults). */
    ClientInput.Connection connection() throws ParameterException {
        Texts texts = duplex.console().texts();
        if (origin != null && noOrigin) {
            throw UsageErrors.conflict(spec, texts, "cli.usage.exclusive", "--origin", "--no-origin");
        }
        if (curl != null && url != null) throw UsageErrors.conflict(spec, texts, "cli.usage.exclusive", "URL", "--curl");
        if (curl == null && url == null) {
            // As picocli says it when a command's parameter is missing, for the same words as before --curl.
            throw new ParameterException(spec.commandLine(), texts.get("cli.usage.missing", spec.name(), "URL"));
        }
        String headerLines = headers == null ? null : String.join("\n", headers);
        String offered = subprotocols == null ? null : String.join(",", subprotocols);
        if (curl == null) return checked(new ClientInput(url, !noOrigin, origin, headerLines, offered, offersDeflate(), timeout, deflateParams).connection());
        Checked<CurlInput> pasted = CurlInput.parse(curl);
        if (!pasted.isOk()) throw UsageErrors.problem(spec, texts, pasted.problem(), "--curl", null);
        // What the command line gives on top of the copied request wins: Origin, headers of the same name, the offer.
        CurlInput c = pasted.value();
        boolean sendOrigin = !noOrigin && (origin != null || c.origin() != null);
        String originTyped = origin != null ? origin : c.origin() == null ? "" : c.origin();
        String allHeaders = String.join("\n", c.headers()) + (headerLines == null ? "" : "\n" + headerLines);
        String offer = offered != null ? offered : String.join(",", c.subprotocols());
        return checked(new ClientInput(c.url(), sendOrigin, originTyped, allHeaders, offer, offersDeflate(), timeout,
                deflateParams).connection());
    }

    /** --proxy URL, --proxy none or --no-proxy; neither: the environment's, as curl reads it. */
    ProxyChoice proxyChoice() throws ParameterException {
        if (proxy != null && noProxy) {
            throw UsageErrors.conflict(spec, duplex.console().texts(), "cli.usage.exclusive", "--proxy", "--no-proxy");
        }
        return noProxy ? ProxyChoice.NONE : checked(ClientInput.proxy(proxy));
    }

    /** The login helpers: --basic, --bearer, --cookie and --query-token, checked as the window's fields are. */
    AuthInput.Auth auth() throws ParameterException {
        String user = null;
        String password = null;
        if (basic != null) {
            int colon = basic.indexOf(':');
            user = colon < 0 ? basic : basic.substring(0, colon);
            password = colon < 0 ? "" : basic.substring(colon + 1);
        }
        String qName = null;
        String qValue = null;
        if (queryToken != null) {
            int eq = queryToken.indexOf('=');
            qName = eq < 0 ? queryToken : queryToken.substring(0, eq);
            qValue = eq < 0 ? "" : queryToken.substring(eq + 1);
        }
        return checked(new AuthInput(user, password, bearer, cookie, qName, qValue).auth());
    }

    private <T> T checked(Checked<T> checked) {
        if (checked.isOk()) return checked.value();
        FieldProblem problem = checked.problem();
        String option = OPTION.get(problem.field());
        Texts texts = duplex.console().texts();
        // The URL's words quote it already ("did you mean ws://…?"); a single-valued option shows its value.
        // A secret's value is not repeated (the words show a proxy's masked).
        Object typed = option.startsWith("--") && !SECRET.contains(problem.field()) ? spec.findOption(option).getValue() : null;
        throw UsageErrors.problem(spec, texts, problem, option, typed instanceof String s ? s : null);
    }

    /** {@code --deflate-params} implies {@code --deflate}. */
    private boolean offersDeflate() {
        return deflate || deflateParams != null;
    }
}
