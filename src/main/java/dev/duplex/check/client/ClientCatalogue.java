package dev.duplex.check.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every client case, in the order of their numbers. */
final class ClientCatalogue {
    /** The groups the client cases have: 0 handshake, 1 framing, 2 pings, 3 reserved bits, 4 opcodes, 5 fragments, 6 UTF-8, 7 closing. */
    static final Set<Integer> GROUPS = Set.of(0, 1, 2, 3, 4, 5, 6, 7);

    private ClientCatalogue() { }

    static List<ClientCase> cases(Set<Integer> groups) {
        List<ClientCase> all = new ArrayList<>();
        all.addAll(HandshakeClientCases.all());
        List<ClientCase> framing = FramingClientCases.all();
        all.addAll(framing.stream().filter(c -> c.group() == 1).toList());
        all.addAll(ControlClientCases.all());
        all.addAll(framing.stream().filter(c -> c.group() != 1).toList());
        all.addAll(FragmentClientCases.all());
        all.addAll(Utf8ClientCases.all());
        all.addAll(CloseClientCases.all());
        return all.stream().filter(c -> groups.contains(c.group())).toList();
    }
}
