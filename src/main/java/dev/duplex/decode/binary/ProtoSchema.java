package dev.duplex.decode.binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.duplex.decode.binary.BinaryValue.Kind;
import dev.duplex.decode.binary.BinaryValue.Member;
import dev.duplex.decode.binary.Unreadable.Failure;

/**
 * The message types of a descriptor set ({@code protoc --descriptor_set_out}), to read a payload with names
 * and types instead of field numbers. A FileDescriptorSet is itself protobuf (descriptor.proto), so it is read
 * with our own {@link ProtoWire}: protobuf-java is an automatic module only, and jlink takes none. A field the
 * schema does not know, or that comes with another wire type than its type's, reads as it would raw.
 */
public final class ProtoSchema {
    /** A FieldDescriptorProto's parts that reading needs: label 3 is repeated; type as descriptor.proto numbers it. */
    record FieldDef(String name, int number, int label, int type, String typeName) { }

    private final Map<String, Map<Integer, FieldDef>> messages = new TreeMap<>();
    private final Map<String, Map<Integer, String>> enums = new HashMap<>();

    private ProtoSchema() { }

    /** The schema in a descriptor set's bytes; fails when they are not one, or it has no message type. */
    public static ProtoSchema parse(byte[] descriptorSet) throws Unreadable {
        ProtoSchema schema = new ProtoSchema();
        ProtoWire set = new ProtoWire(descriptorSet, 0, descriptorSet.length);
        while (!set.done()) {
            ProtoWire.Field file = set.next();
            if (file.number() == 1 && file.wireType() == ProtoWire.LENGTH_DELIMITED) schema.file(descriptorSet, file);
        }
        if (schema.messages.isEmpty()) throw new Unreadable(Failure.NOT_A_TREE, 0);
        return schema;
    }

    /** The full names of its message types ({@code pkg.Outer.Inner}), sorted. */
    public List<String> messageTypes() {
        List<String> names = new ArrayList<>();
        for (String name : messages.keySet()) names.add(name.substring(1));
        return names;
    }

    private void file(byte[] d, ProtoWire.Field file) throws Unreadable {
        String pkg = "";
        List<ProtoWire.Field> types = new ArrayList<>();
        List<ProtoWire.Field> enumTypes = new ArrayList<>();
        ProtoWire wire = new ProtoWire(d, file.from(), file.to());
        while (!wire.done()) {
            ProtoWire.Field f = wire.next();
            if (f.wireType() != ProtoWire.LENGTH_DELIMITED) continue;
            if (f.number() == 2) pkg = text(d, f);
            else if (f.number() == 4) types.add(f);
            else if (f.number() == 5) enumTypes.add(f);
        }
        String scope = pkg.isEmpty() ? "" : "." + pkg;
        for (ProtoWire.Field t : types) message(d, t, scope);
        for (ProtoWire.Field e : enumTypes) enumType(d, e, scope);
    }

    private void message(byte[] d, ProtoWire.Field type, String scope) throws Unreadable {
        String name = "";
        Map<Integer, FieldDef> fields = new LinkedHashMap<>();
        List<ProtoWire.Field> nested = new ArrayList<>();
        List<ProtoWire.Field> nestedEnums = new ArrayList<>();
        ProtoWire wire = new ProtoWire(d, type.from(), type.to());
        while (!wire.done()) {
            ProtoWire.Field f = wire.next();
            if (f.wireType() != ProtoWire.LENGTH_DELIMITED) continue;
            switch (f.number()) {
                case 1 -> name = text(d, f);
                case 2 -> { FieldDef field = field(d, f); fields.put(field.number(), field); }
                case 3 -> nested.add(f);
                case 4 -> nestedEnums.add(f);
                default -> { }
            }
        }
        String fullName = scope + "." + name;
        messages.put(fullName, fields);
        for (ProtoWire.Field n : nested) message(d, n, fullName);
        for (ProtoWire.Field e : nestedEnums) enumType(d, e, fullName);
    }

    private static FieldDef field(byte[] d, ProtoWire.Field field) throws Unreadable {
        String name = "";
        String typeName = "";
        int number = 0;
        int label = 1;
        int type = 0;
        ProtoWire wire = new ProtoWire(d, field.from(), field.to());
        while (!wire.done()) {
            ProtoWire.Field f = wire.next();
            switch (f.number()) {
                case 1 -> name = text(d, f);
                case 3 -> number = (int) f.bits();
                case 4 -> label = (int) f.bits();
                case 5 -> type = (int) f.bits();
                case 6 -> typeName = text(d, f);
                default -> { }
            }
        }
        return new FieldDef(name, number, label, type, typeName);
    }

    private void enumType(byte[] d, ProtoWire.Field type, String scope) throws Unreadable {
        String name = "";
        Map<Integer, String> values = new HashMap<>();
        ProtoWire wire = new ProtoWire(d, type.from(), type.to());
        while (!wire.done()) {
            ProtoWire.Field f = wire.next();
            if (f.number() == 1) name = text(d, f);
            if (f.number() != 2 || f.wireType() != ProtoWire.LENGTH_DELIMITED) continue;
            String valueName = "";
            int number = 0;
            ProtoWire value = new ProtoWire(d, f.from(), f.to());
            while (!value.done()) {
                ProtoWire.Field v = value.next();
                if (v.number() == 1) valueName = text(d, v);
                if (v.number() == 2) number = (int) v.bits();
            }
            values.put(number, valueName);
        }
        enums.put(scope + "." + name, values);
    }

    private static String text(byte[] d, ProtoWire.Field f) throws Unreadable {
        if (f.wireType() != ProtoWire.LENGTH_DELIMITED) throw new Unreadable(Failure.MALFORMED, f.offset());
        return new String(d, f.from(), f.to() - f.from(), StandardCharsets.UTF_8);
    }

    /** {@code data} read as a message of {@code type} (a name from {@link #messageTypes()}). */
    public BinaryValue read(byte[] data, String type, int maxValues) throws Unreadable {
        Map<Integer, FieldDef> fields = messages.get("." + type);
        if (fields == null) throw new Unreadable(Failure.NO_SCHEMA, 0);
        return new Reader(data, new Budget(maxValues)).message(fields, 0, data.length, 0);
    }

    /** The raw reader, with names and types where the schema has them. */
    private final class Reader extends ProtobufRawReader {
        Reader(byte[] data, Budget budget) {
            super(data, budget);
        }

        BinaryValue message(Map<Integer, FieldDef> defs, int from, int to, int depth) throws Unreadable {
            Budget.depth(depth, from);
            budget.take(from);
            Map<String, List<BinaryValue>> values = new LinkedHashMap<>();
            Map<String, FieldDef> named = new HashMap<>();
            ProtoWire wire = new ProtoWire(data, from, to);
            while (!wire.done()) {
                ProtoWire.Field field = wire.next();
                FieldDef def = defs.get(field.number());
                boolean packed = def != null && def.label() == 3 && WireTypes.packed(def.type(), field.wireType());
                List<BinaryValue> read = new ArrayList<>();
                int before = budget.left();
                if (def != null && (packed || WireTypes.expected(def.type()) == field.wireType())) {
                    try {
                        if (packed) {
                            ProtoWire run = new ProtoWire(data, field.from(), field.to());
                            while (!run.done()) read.add(scalar(def, WireTypes.read(run, def.type()), field.offset()));
                        } else {
                            read.add(typed(def, field, depth));
                        }
                    } catch (Unreadable notOfItsType) {
                        // Bytes that are not what the schema says (a message read as another type): as they read raw.
                        if (notOfItsType.failure() == Failure.TOO_MANY_NODES) throw notOfItsType;
                        read.clear();
                        budget.reset(before);
                    }
                }
                // A field the schema does not know, or not as it came, keeps its number, as with no schema.
                boolean asNamed = !read.isEmpty() || (packed && field.from() == field.to());
                String key = asNamed ? def.name() : Integer.toString(field.number());
                if (!asNamed) read.add(value(field, depth));
                values.computeIfAbsent(key, k -> new ArrayList<>()).addAll(read);
                if (asNamed) named.put(key, def);
            }
            List<Member> members = new ArrayList<>();
            values.forEach((key, list) -> {
                FieldDef def = named.get(key);
                BinaryValue value;
                if (def == null) value = oneOrArray(list, false);
                else if (def.label() == 3) value = oneOrArray(list, true);
                // A field that is not repeated and comes twice: the last one counts, as protobuf reads it.
                else value = list.get(list.size() - 1);
                members.add(new Member(key, value));
            });
            return new BinaryValue(Kind.MAP, null, members);
        }

        private BinaryValue typed(FieldDef def, ProtoWire.Field field, int depth) throws Unreadable {
            if (field.wireType() == ProtoWire.START_GROUP) {
                // A group field's type_name names the message its fields are.
                Map<Integer, FieldDef> nested = messages.get(def.typeName());
                return nested != null ? message(nested, field.from(), field.to(), depth + 1) : value(field, depth);
            }
            if (field.wireType() != ProtoWire.LENGTH_DELIMITED) return scalar(def, field.bits(), field.offset());
            switch (def.type()) {
                case WireTypes.STRING -> {
                    budget.take(field.offset());
                    return BinaryValue.leaf(Kind.STRING, new String(data, field.from(), field.to() - field.from(), StandardCharsets.UTF_8));
                }
                case WireTypes.MESSAGE -> {
                    Map<Integer, FieldDef> nested = messages.get(def.typeName());
                    if (nested != null) return message(nested, field.from(), field.to(), depth + 1);
                    return value(field, depth);
                }
                default -> {
                    budget.take(field.offset());
                    return BinaryValue.bytes(data, field.from(), field.to());
                }
            }
        }

        private BinaryValue scalar(FieldDef def, long bits, int offset) throws Unreadable {
            budget.take(offset);
            if (def.type() == WireTypes.BOOL) return BinaryValue.leaf(Kind.BOOLEAN, Boolean.toString(bits != 0));
            if (def.type() == WireTypes.ENUM) {
                String name = enums.getOrDefault(def.typeName(), Map.of()).get((int) bits);
                if (name != null) return BinaryValue.leaf(Kind.STRING, name);
            }
            return BinaryValue.leaf(Kind.NUMBER, WireTypes.number(def.type(), bits));
        }
    }
}
