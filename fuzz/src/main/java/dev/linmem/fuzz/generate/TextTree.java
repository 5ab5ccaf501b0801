package dev.linmem.fuzz.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Binaryen's text format (what {@code wasm-dis} prints) as a tree of S-expressions, for the
 * reducer's statement-level edits: a node is an atom (a keyword, a number, a {@code $name}, a
 * quoted string) or a list of nodes. Comments are dropped.
 */
public final class TextTree {
    /** An atom or, when {@code children} is non-null, a list. */
    public static final class Node {
        final String atom;
        final List<Node> children;

        private Node(String atom, List<Node> children) {
            this.atom = atom;
            this.children = children;
        }

        boolean isList() {
            return children != null;
        }

        /** The first atom of a list ({@code block}, {@code i32.add}, ...), or null. */
        String head() {
            return isList() && !children.isEmpty() && !children.get(0).isList() ? children.get(0).atom : null;
        }
    }

    private TextTree() {
    }

    public static Node parse(String text) {
        List<List<Node>> open = new ArrayList<>();
        open.add(new ArrayList<>());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '(' && i + 1 < text.length() && text.charAt(i + 1) == ';') {
                i = text.indexOf(";)", i + 2) + 2;
            } else if (c == ';' && i + 1 < text.length() && text.charAt(i + 1) == ';') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (c == '(') {
                open.add(new ArrayList<>());
                i++;
            } else if (c == ')') {
                List<Node> children = open.remove(open.size() - 1);
                open.get(open.size() - 1).add(new Node(null, children));
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = i + 1;
                while (text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                open.get(open.size() - 1).add(new Node(text.substring(i, end + 1), null));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '(' && text.charAt(end) != ')') {
                    end++;
                }
                open.get(open.size() - 1).add(new Node(text.substring(i, end), null));
                i = end;
            }
        }
        if (open.size() != 1 || open.get(0).size() != 1) {
            throw new IllegalArgumentException("unbalanced parentheses");
        }
        return open.get(0).get(0);
    }

    public static String print(Node node) {
        return printWithout(node, List.of());
    }

    /** Heads of lists whose children after the header are a sequence of instructions. */
    private static final List<String> SEQUENCES = List.of("block", "loop", "then", "else", "func");
    /** Heads of a function's or block's header items, which are not statements. */
    private static final List<String> HEADER = List.of("type", "param", "result", "local", "export", "import");

    /** A place where a statement may be removed: the sequence list and the statement's index in it. */
    public record Statement(Node sequence, int index) {
    }

    /**
     * Every statement: a list child of a block, loop, then, else or func that is not its last
     * child (the last one may be the sequence's value) and not a header item. Removing one keeps
     * binaryen's text valid in almost every case; the reducer checks with {@code wasm-as}.
     */
    public static List<Statement> statements(Node root) {
        List<Statement> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Statement> found) {
        if (!node.isList()) {
            return;
        }
        boolean sequence = SEQUENCES.contains(node.head());
        for (int i = 0; i < node.children.size(); i++) {
            Node child = node.children.get(i);
            if (sequence && child.isList() && i < node.children.size() - 1 && !HEADER.contains(child.head())) {
                found.add(new Statement(node, i));
            }
            collect(child, found);
        }
    }

    /** A copy of the text of {@code root} without the statements in {@code removed}. */
    public static String printWithout(Node root, List<Statement> removed) {
        // Blank the removed statements out (null keeps every other index valid), print, restore.
        List<Node> saved = new ArrayList<>();
        for (Statement statement : removed) {
            saved.add(statement.sequence().children.set(statement.index(), null));
        }
        try {
            StringBuilder out = new StringBuilder();
            printSkippingNulls(root, out, 0);
            return out.toString();
        } finally {
            for (int i = removed.size() - 1; i >= 0; i--) {
                removed.get(i).sequence().children.set(removed.get(i).index(), saved.get(i));
            }
        }
    }

    private static void printSkippingNulls(Node node, StringBuilder out, int depth) {
        if (!node.isList()) {
            out.append(node.atom);
            return;
        }
        out.append('(');
        boolean first = true;
        for (Node child : node.children) {
            if (child == null) {
                continue;
            }
            if (!first) {
                out.append(child.isList() ? "\n" + " ".repeat(depth + 1) : " ");
            }
            first = false;
            printSkippingNulls(child, out, depth + 1);
        }
        out.append(')');
    }
}
