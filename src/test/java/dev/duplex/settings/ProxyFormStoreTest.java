package dev.duplex.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The Proxy pane's form on disk: back as it went in, without its secrets; nothing typed, no file; a broken file set aside. */
class ProxyFormStoreTest {
    @Test
    void theFormComesBackWithoutItsSecrets() throws Exception {
        Path dir = Files.createTempDirectory("duplex-proxy-form");
        ProxyFormStore store = new ProxyFormStore(dir);
        ProxyForm typed = new ProxyForm("0.0.0.0:9000", "wss://api.example/ws?access_token=abc&room=7", "up:a=>b\ndown:c=>d",
                "down:^secret", "up:slow=>1500", "AB:CD", "X-Team: 蓝\nAuthorization: Bearer abc\nX-Api-Key: k", "Cookie",
                true, true);
        store.save(typed);
        ProxyForm back = store.load().form();
        assertEquals("wss://api.example/ws?access_token=****&room=7", back.upstream());
        assertEquals("X-Team: 蓝", back.setHeaders());
        assertEquals(new ProxyForm(typed.listen(), back.upstream(), typed.rewrites(), typed.drops(), typed.delays(),
                typed.trust(), "X-Team: 蓝", typed.removeHeaders(), true, true), back);
        assertFalse(Files.readString(store.file()).contains("abc"), "no secret on disk");
    }

    @Test
    void anUntouchedFormLeavesNoFileAndABrokenOneIsSetAside() throws Exception {
        Path dir = Files.createTempDirectory("duplex-proxy-form");
        ProxyFormStore store = new ProxyFormStore(dir);
        store.save(ProxyForm.DEFAULTS);
        assertFalse(Files.exists(store.file()));
        assertEquals(new ProxyFormStore.Loaded(ProxyForm.DEFAULTS, null), store.load());
        Files.writeString(store.file(), "upstream=ws://h/\\u00zz\n");
        ProxyFormStore.Loaded broken = store.load();
        assertEquals(ProxyForm.DEFAULTS, broken.form());
        assertTrue(broken.movedAside() != null && Files.exists(broken.movedAside()), "moved aside, and said where");
        assertFalse(Files.exists(store.file()), "moved aside");
        try (var files = Files.list(dir)) {
            assertTrue(files.findAny().isPresent(), "the broken file is kept for the user");
        }
    }
}
