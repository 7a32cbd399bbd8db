/**
 * What users type, read once for the window and the command line: the raw text of a form's fields (or of
 * a command's options) in, a {@code net} configuration or a {@link dev.duplex.options.FieldProblem} out.
 * The window's models and {@code dev.duplex.cli} both call these, so the two cannot drift apart: a bad
 * port is the same words ({@code form.port}) in the window's notice and after {@code serve --port}.
 *
 * <p>One class per form: {@link dev.duplex.options.ServerInput} (the echo server and its limits),
 * {@link dev.duplex.options.BehaviourInput} (misbehaving on purpose), {@link dev.duplex.options.ClientInput}
 * (URL and connection options), {@link dev.duplex.options.CloseInput} (a lab's close code and reason) and
 * {@link dev.duplex.options.LabInput} (pings, fragments, bursts). The form classes are records of the
 * strings as typed; a null string means "not given" and takes the field's default, so the command line
 * passes null for an option left out. Each answers a {@link dev.duplex.options.Checked}: the value, or the
 * first field that does not check, with the bundle key and arguments of its words. Nothing throws on bad
 * input, and nothing here knows of JavaFX.
 *
 * <p>How a model calls this:
 * <pre>{@code
 * BehaviourInput behaviour = new BehaviourInput(refuseUpgrade.get(), refuseStatus.get(), refuseHeaders.get(),
 *         refuseBody.get(), subprotocolAnswer.get(), replyDelay.get(), dropEvery.get(), closeAfter.get(),
 *         closeAfterCode.get(), closeAfterReason.get(), serverAutoPong.get());
 * Checked<ServerConfig> checked = new ServerInput(port.get(), bindAddress.get(), path.get(), replyTemplate.get(),
 *         serverPingInterval.get(), serverMaxMessage.get(), serverAllowedOrigins.get(), null, null)
 *         .config(behaviour);
 * if (!checked.isOk()) {
 *     serverNotice.set(Notice.of(checked.problem().key(), checked.problem().argArray()));
 *     return null;
 * }
 * return checked.value();
 * }</pre>
 * and the line under a close code and reason: {@code CloseRequest.Hint h = new CloseInput(code, reason).hint();
 * texts.get(h.key(), h.argArray())}, with {@code h.way()} saying whether it is a proper close, goes out as
 * typed, or cannot be sent.
 */
package dev.duplex.options;
