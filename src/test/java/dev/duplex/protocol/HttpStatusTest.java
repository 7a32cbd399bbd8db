package dev.duplex.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpStatusTest {
    @Test
    void theUsualPhrasesAndEachClassForTheRest() {
        assertEquals("Forbidden", HttpStatus.reasonPhrase(403));
        assertEquals("Not Found", HttpStatus.reasonPhrase(404));
        assertEquals("Upgrade Required", HttpStatus.reasonPhrase(426));
        assertEquals("Too Many Requests", HttpStatus.reasonPhrase(429));
        assertEquals("Service Unavailable", HttpStatus.reasonPhrase(503));
        assertEquals("OK", HttpStatus.reasonPhrase(200));
        assertEquals("OK", HttpStatus.reasonPhrase(299));
        assertEquals("Redirect", HttpStatus.reasonPhrase(399));
        assertEquals("Client Error", HttpStatus.reasonPhrase(499));
        assertEquals("Server Error", HttpStatus.reasonPhrase(599));
    }
}
