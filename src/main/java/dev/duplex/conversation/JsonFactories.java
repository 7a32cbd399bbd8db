package dev.duplex.conversation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/** The one Jackson factory both formats use (Jackson's factories are thread-safe and meant to be shared). */
final class JsonFactories {
    /**
     * Streams belong to the caller, who opened them and closes them. Strings have no length limit: Jackson's
     * default (20 million characters) would refuse a HAR holding one large message, and the user chose the
     * file; response bodies, the usual giants, are skipped without being read (see {@link Node#read}).
     * Characters beyond U+FFFF (emoji) are written as themselves rather than as two escaped surrogates,
     * for people reading the file; a lone surrogate is still escaped, so nothing is lost.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private JsonFactories() { }
}
