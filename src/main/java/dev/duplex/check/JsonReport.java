package dev.duplex.check;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.duplex.files.AtomicFiles;

/**
 * {@code --json FILE}: the run for machines. One object: the server, when, how long, the groups' counts,
 * and every case with its verdict, what the server did, and its frames.
 */
public final class JsonReport {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonReport() { }

    public static void write(CheckReport report, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(report, out));
    }

    public static void write(CheckReport report, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("url", report.url());
            g.writeStringField("started", report.started().toString());
            g.writeNumberField("millis", report.millis());
            g.writeBooleanField("full", report.full());
            g.writeBooleanField("runBoundReached", report.bounded());
            g.writeBooleanField("anyFailed", report.anyFailed());
            g.writeArrayFieldStart("groups");
            for (CheckReport.GroupSummary s : report.groups()) {
                g.writeStartObject();
                g.writeNumberField("group", s.group());
                g.writeNumberField("cases", s.cases());
                for (Verdict v : Verdict.values()) g.writeNumberField(v.label(), s.count(v));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("cases");
            for (CaseResult r : report.results()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeNumberField("group", r.group());
                g.writeStringField("title", r.title());
                g.writeStringField("rfc6455", r.section());
                g.writeBooleanField("needsEcho", r.echo());
                g.writeStringField("verdict", r.verdict().label());
                g.writeStringField("observed", r.observed());
                g.writeStringField("why", r.why());
                g.writeNumberField("millis", r.millis());
                g.writeArrayFieldStart("frames");
                for (Transcript.Entry e : r.transcript().entries()) {
                    g.writeStartObject();
                    g.writeStringField("direction", e.sent() ? "sent" : "received");
                    g.writeNumberField("bytes", e.length());
                    g.writeStringField("hex", e.hex());
                    g.writeStringField("decoded", e.decoded());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberField("framesNotKept", r.transcript().dropped());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
