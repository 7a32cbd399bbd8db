package dev.duplex.model.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.duplex.model.RingList;
import dev.duplex.model.WireLog;
import dev.duplex.net.WsEvent;
import dev.duplex.net.proxy.Direction;
import dev.duplex.net.proxy.Leg;
import dev.duplex.net.proxy.ProxyEvent;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/**
 * One client's pair of connections through the proxy, as the Proxy pane shows it: who it is, where it
 * asked for and was passed on to, its state, how many messages went each way, its log (the messages with
 * their fates, pings, opening and closing; the newest up to the log limit) and what crossed each leg's
 * wire (frames and handshake). FX thread only.
 */
public final class ProxyPair {
    /** Where a pair is: waiting for the upstream, both legs open, refused, or closed. */
    public enum State { CONNECTING, OPEN, REFUSED, CLOSED }

    private final int number;
    private final String client;
    private final String target;
    private final URI upstream;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CONNECTING);
    private final ReadOnlyIntegerWrapper messagesUp = new ReadOnlyIntegerWrapper(this, "messagesUp");
    private final ReadOnlyIntegerWrapper messagesDown = new ReadOnlyIntegerWrapper(this, "messagesDown");
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");
    private final RingList<ProxyEvent> log;
    private final WireLog clientWire;
    private final WireLog upstreamWire;
    /** How the pair ended, for the export; null while open. */
    private ProxyEvent.Closed closed;
    private ProxyEvent.Opened opened;

    ProxyPair(ProxyEvent.Arrived arrived, int cap) {
        this.number = arrived.pair();
        this.client = arrived.client();
        this.target = arrived.target();
        this.upstream = arrived.upstream();
        this.log = new RingList<>(cap, n -> dropped.set(dropped.get() + n));
        this.clientWire = new WireLog(cap);
        this.upstreamWire = new WireLog(cap);
    }

    /** Takes this pair's events of one batch: the wire's to its leg, the rest to the log. */
    void take(List<ProxyEvent> events) {
        List<ProxyEvent> lines = new ArrayList<>(events.size());
        List<WsEvent> clientLeg = new ArrayList<>();
        List<WsEvent> upstreamLeg = new ArrayList<>();
        int up = 0;
        int down = 0;
        for (ProxyEvent e : events) {
            if (e instanceof ProxyEvent.Wire w) {
                (w.leg() == Leg.CLIENT ? clientLeg : upstreamLeg).add(w.event());
                if (w.event() instanceof WsEvent.Handshake) lines.add(e);
                continue;
            }
            lines.add(e);
            if (e instanceof ProxyEvent.Message m) {
                if (m.direction() == Direction.UP) up++;
                else down++;
            } else if (e instanceof ProxyEvent.Opened o) {
                opened = o;
                state.set(State.OPEN);
            } else if (e instanceof ProxyEvent.Refused) {
                state.set(State.REFUSED);
            } else if (e instanceof ProxyEvent.Closed c) {
                closed = c;
                state.set(State.CLOSED);
            }
        }
        if (!clientLeg.isEmpty()) clientWire.take(clientLeg);
        if (!upstreamLeg.isEmpty()) upstreamWire.take(upstreamLeg);
        log.append(lines);
        if (up > 0) messagesUp.set(messagesUp.get() + up);
        if (down > 0) messagesDown.set(messagesDown.get() + down);
    }

    /** The proxy stopped before this pair said it closed (a refused or unfinished one): it is over. */
    void ended() {
        if (state.get() == State.CONNECTING || state.get() == State.OPEN) state.set(State.CLOSED);
    }

    void setCap(int cap) {
        log.setCapacity(cap);
        clientWire.setCap(cap);
        upstreamWire.setCap(cap);
    }

    public boolean isOver() {
        return state.get() == State.CLOSED || state.get() == State.REFUSED;
    }

    public int number() { return number; }
    /** The client's address and port. */
    public String client() { return client; }
    /** What the client asked for: its path and query. */
    public String target() { return target; }
    /** Where Duplex connected for it (the upstream's URL with the client's path and query). */
    public URI upstream() { return upstream; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty messagesUpProperty() { return messagesUp.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty messagesDownProperty() { return messagesDown.getReadOnlyProperty(); }
    /** The log's lines, oldest first; read-only. */
    public ObservableList<ProxyEvent> log() { return log; }
    /** How many of the oldest log lines went to keep it within the log limit. */
    public ReadOnlyLongProperty droppedProperty() { return dropped.getReadOnlyProperty(); }
    /** What crossed the leg between the client and Duplex (Duplex is the server there). */
    public WireLog clientWire() { return clientWire; }
    /** What crossed the leg between Duplex and the server (Duplex is the client there). */
    public WireLog upstreamWire() { return upstreamWire; }
    ProxyEvent.Closed closed() { return closed; }
    ProxyEvent.Opened opened() { return opened; }
}
