package dev.duplex.model;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.duplex.model.client.ClientTab;
import dev.duplex.model.library.MessageLibrary;
import dev.duplex.model.library.SavedConnections;
import dev.duplex.model.proxy.ProxyModel;
import dev.duplex.model.replay.ReplayModel;
import dev.duplex.model.server.ServerModel;
import dev.duplex.model.server.ServerState;
import dev.duplex.net.WsUrl;
import dev.duplex.settings.ConnectionStore;
import dev.duplex.settings.MessageStore;
import dev.duplex.settings.Settings;
import dev.duplex.settings.SettingsStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The whole window's state: the embedded server, the client tabs and the one in front, the Replay tabs, the
 * app's message library and saved connections, the settings (log limit, language, theme) and a note for the
 * whole app, and shutting it all down. It owns its parts and forwards nothing: a view asks it for the part it shows.
 * FX thread only.
 */
public final class Workbench {
    private final ServerModel server;
    private final ObservableList<ClientTab> tabs = FXCollections.observableArrayList();
    private final ObservableList<ClientTab> readOnlyTabs = FXCollections.unmodifiableObservableList(tabs);
    private final ObjectProperty<ClientTab> selectedTab = new SimpleObjectProperty<>(this, "selectedTab");
    private final ObservableList<ReplayModel> replays = FXCollections.observableArrayList();
    private final ObservableList<ReplayModel> readOnlyReplays = FXCollections.unmodifiableObservableList(replays);
    /** The Replay tab in front, or null when a client tab is: kept so that a rebuilt window shows it again. */
    private final ObjectProperty<ReplayModel> frontReplay = new SimpleObjectProperty<>(this, "frontReplay");
    private final MessageLibrary library = new MessageLibrary();
    private final SavedConnections connections;
    private final IntegerProperty logCap = new SimpleIntegerProperty(this, "logCap");
    private final StringProperty language = new SimpleStringProperty(this, "language");
    private final Appearance appearance;
    private final ReadOnlyObjectWrapper<Notice> appNotice = new ReadOnlyObjectWrapper<>(this, "appNotice");
    private final Dispatcher dispatcher;
    private final Background io;
    private final SettingsStore settingsStore;
    private final dev.duplex.settings.ProxyFormStore proxyFormStore;
    /** The Proxy pane's form from the last run, until the pane is first made (then the pane holds it). */
    private final dev.duplex.settings.ProxyForm keptProxyForm;
    private final MessageStore messageStore;
    private CompletableFuture<Void> shutdown;
    /** Made when the Proxy tab is first shown: most starts never use it. */
    private ProxyModel proxy;
    /** Whether the left side shows the Proxy tab rather than the Server's: kept across a language switch. */
    private final BooleanProperty proxyInFront = new SimpleBooleanProperty(this, "proxyInFront");
    /** Set once a link has aimed the first tab: first use must then leave it where the link said. */
    private boolean firstTabOpenedAtLink;

    /**
     * Starts from what {@link StoredState#withSettings} reads now, on the calling thread: for tests and
     * tools that bring their own settings. The app reads the disk off the FX thread and uses the other
     * constructor.
     */
    private dev.duplex.model.check.CheckModel check;
    private dev.duplex.model.clientcheck.ClientCheckModel clientCheck;
    /** Where the saved connections and Duplex's own certificate are kept. */
    private final Path dataDir;
    private final dev.duplex.model.environments.EnvironmentsModel environments;

    public Workbench(Settings settings, Dispatcher dispatcher, Path configDir, Path dataDir) {
        this(StoredState.withSettings(settings, configDir, dataDir), dispatcher, configDir, dataDir);
    }

    /**
     * @param stored    what was on disk at start, already read
     * @param configDir where the settings, saved messages and history are kept
     * @param dataDir   where the saved connections and the server's own certificate are kept
     */
    public Workbench(StoredState stored, Dispatcher dispatcher, Path configDir, Path dataDir) {
        Settings settings = stored.settings();
        this.dispatcher = dispatcher;
        this.io = new Background(dispatcher, "duplex-files");
        this.settingsStore = new SettingsStore(configDir);
        this.proxyFormStore = new dev.duplex.settings.ProxyFormStore(configDir);
        this.keptProxyForm = stored.proxyForm() == null ? dev.duplex.settings.ProxyForm.DEFAULTS : stored.proxyForm().form();
        Path proxyFormAside = stored.proxyForm() == null ? null : stored.proxyForm().movedAside();
        if (proxyFormAside != null) appNotice.set(Notice.of("proxyForm.reset", proxyFormAside.toString()));
        this.messageStore = new MessageStore(configDir);
        library.restore(stored.messages());
        this.connections = new SavedConnections(new ConnectionStore(dataDir), stored.connections().connections(), library, io);
        Path connectionsAside = stored.connections().movedAside();
        if (connectionsAside != null) appNotice.set(Notice.of("connections.reset", connectionsAside.toString()));
        if (stored.settingsMovedAside() != null) {
            appNotice.set(Notice.of("settings.reset", stored.settingsMovedAside().toString()));
        }
        this.server = new ServerModel(settings, dispatcher, dataDir);
        this.dataDir = dataDir;
        this.environments = new dev.duplex.model.environments.EnvironmentsModel(configDir, stored.environments(), io);
        logCap.set(settings.logCap());
        language.set(settings.language());
        appearance = new Appearance(settings.theme());
        ClientTab first = new ClientTab(dispatcher, library, settings.lastUrl(), settings.sendOrigin(),
                settings.origin(), settings.logCap());
        first.rules().environments(environments.currentProperty());
        tabs.add(first);
        selectedTab.set(first);
        logCap.addListener((obs, old, cap) -> {
            int c = Math.max(Settings.MIN_LOG_CAP, Math.min(Settings.MAX_LOG_CAP, cap.intValue()));
            server.setLogCap(c);
            for (ClientTab tab : tabs) tab.setLogCap(c);
            if (proxy != null) proxy.setLogCap(c);
        });
    }

    /**
     * What a double-click should give: the server started (on the next free port when the usual one is
     * taken, said at the top of the window), and the first tab aimed at it when it was aimed at this machine.
     */
    public void startForFirstUse() {
        server.startForFirstUse(appNotice::set, this::aimFirstTabAt);
    }

    /**
     * Opens Duplex on a link ({@code duplex ws://host/path}): the tab in front, or a new one when that is
     * busy, is aimed at {@code url} and connects, as if the user had typed it and pressed Connect; a URL
     * that does not check is said in that tab's notice. Starting the embedded server for first use, before
     * or after, then leaves the first tab where the link aimed it.
     */
    public void openAt(String url) {
        ClientTab tab = selectedTab.get();
        if (tab.busy()) tab = addTab();
        if (tab == tabs.get(0)) firstTabOpenedAtLink = true;
        tab.urlProperty().set(url);
        tab.connect();
    }

    private void aimFirstTabAt(String serverUrl) {
        if (firstTabOpenedAtLink) return;
        ClientTab first = tabs.get(0);
        try {
            URI aimed = WsUrl.parse(first.urlProperty().get());
            String host = aimed.getHost();
            boolean local = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
            if (local && !first.busy()) first.urlProperty().set(serverUrl);
        } catch (WsUrl.InvalidUrlException e) {
            first.urlProperty().set(serverUrl);
        }
    }

    /** The named environments every tab may choose from. */
    public dev.duplex.model.environments.EnvironmentsModel environments() {
        return environments;
    }

    /** Opens another tab in front, aimed at the embedded server when it runs, else where the front tab is. */
    public ClientTab addTab() {
        ClientTab front = selectedTab.get();
        String aim = server.stateProperty().get() == ServerState.RUNNING ? server.urlProperty().get()
                : front.urlProperty().get();
        ClientTab tab = new ClientTab(dispatcher, library, aim, front.options().sendOriginProperty().get(),
                front.options().originProperty().get(), logCap.get());
        tab.rules().environments(environments.currentProperty());
        tabs.add(tab);
        selectedTab.set(tab);
        return tab;
    }

    /** Closes a tab and its connection (1001); the last one stays. */
    public void closeTab(ClientTab tab) {
        if (tabs.size() <= 1 || !tabs.contains(tab)) return;
        int at = tabs.indexOf(tab);
        tabs.remove(tab);
        if (selectedTab.get() == tab) selectedTab.set(tabs.get(Math.max(0, at - 1)));
        tab.shutdown();
    }

    /** Opens a Replay tab (beside the client tabs); its view brings it to front. */
    public ReplayModel openReplay() {
        ReplayModel replay = new ReplayModel(dispatcher);
        replays.add(replay);
        return replay;
    }

    /** Closes a Replay tab, stopping its replay. */
    public void closeReplay(ReplayModel replay) {
        if (!replays.remove(replay)) return;
        if (frontReplay.get() == replay) frontReplay.set(null);
        replay.shutdown();
    }

    /** Shows a note for the whole app, such as "settings were reset". */
    public void setAppNotice(Notice notice) {
        appNotice.set(notice);
    }

    /** The forms, the first tab and the window size as settings to keep. */
    public Settings toSettings(double width, double height) {
        ClientTab first = tabs.get(0);
        return new Settings(first.urlProperty().get(), server.portForSettings(), server.bindAddressProperty().get(),
                server.pathProperty().get(), server.replyTemplateProperty().get(),
                first.options().sendOriginProperty().get(), first.options().originProperty().get(), logCap.get(),
                language.get(), width, height, appearance.toKeep());
    }

    /**
     * Keeps the forms (the Proxy pane's too), the window size and the message library (written off the FX thread), then shuts
     * everything down as {@link #shutdown()} does.
     */
    public CompletableFuture<Void> saveAndShutdown(double width, double height) {
        Settings keep = toSettings(width, height);
        MessageStore.Messages messages = library.toKeep();
        dev.duplex.settings.ProxyForm proxyForm = proxy == null ? keptProxyForm : proxy.toKeep();
        io.run(() -> {
            try {
                settingsStore.save(keep);
                messageStore.save(messages);
                proxyFormStore.save(proxyForm);
            } catch (java.io.IOException e) {
                System.err.println("Duplex: could not save settings to " + settingsStore.file().getParent()
                        + ": " + e.getMessage());
            }
        });
        return shutdown();
    }

    /**
     * Closes every tab with 1001 and stops the server, off the FX thread; completes when all is done (and
     * anything queued to be written is written). Calling it again returns the same future.
     */
    public CompletableFuture<Void> shutdown() {
        if (shutdown == null) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (ClientTab tab : tabs) all.add(tab.shutdown());
            for (ReplayModel replay : replays) all.add(replay.shutdown());
            if (clientCheck != null) clientCheck.shutdown();
            all.add(server.shutdown());
            if (proxy != null) all.add(proxy.shutdown());
            all.add(io.finish(() -> { }));
            shutdown = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        }
        return shutdown;
    }

    public ServerModel server() { return server; }
    /** The server pane's "Check a client", made on first use. */
    public dev.duplex.model.clientcheck.ClientCheckModel clientCheck() {
        if (clientCheck == null) clientCheck = new dev.duplex.model.clientcheck.ClientCheckModel(server, dispatcher);
        return clientCheck;
    }

    /** The Check pane's model, made on first use. */
    public dev.duplex.model.check.CheckModel check() {
        if (check == null) check = new dev.duplex.model.check.CheckModel(dispatcher);
        return check;
    }
    /** The Proxy pane's model, made on first use. */
    public ProxyModel proxy() {
        if (proxy == null) {
            proxy = new ProxyModel(dispatcher, logCap.get());
            proxy.certificatesIn(dataDir);
            proxy.restore(keptProxyForm);
        }
        return proxy;
    }
    public BooleanProperty proxyInFrontProperty() { return proxyInFront; }
    /** The client tabs, in order; never empty. */
    public ObservableList<ClientTab> tabs() { return readOnlyTabs; }
    public ObjectProperty<ClientTab> selectedTabProperty() { return selectedTab; }
    /** The Replay tabs, in order (none at first). */
    public ObservableList<ReplayModel> replays() { return readOnlyReplays; }
    /** The Replay tab in front of the client tabs, or null when a client tab is in front. */
    public ObjectProperty<ReplayModel> frontReplayProperty() { return frontReplay; }
    public MessageLibrary library() { return library; }
    public SavedConnections connections() { return connections; }
    public IntegerProperty logCapProperty() { return logCap; }
    public StringProperty languageProperty() { return language; }
    /** The theme: chosen in the window (kept), or for this start, and what the desktop prefers. */
    public Appearance appearance() { return appearance; }
    public ReadOnlyObjectProperty<Notice> appNoticeProperty() { return appNotice.getReadOnlyProperty(); }
}
