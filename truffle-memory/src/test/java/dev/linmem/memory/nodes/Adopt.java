package dev.linmem.memory.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;

/** Gives a node a parent root, as an interpreter would, so it can run outside a call target in interpreter tests. */
final class Adopt {
    private Adopt() {
    }

    static <T extends Node> T adopt(T node) {
        RootNode root = new RootNode(null) {
            @Child Node child = node;

            @Override
            public Object execute(VirtualFrame frame) {
                return null;
            }
        };
        root.adoptChildren();
        return node;
    }
}
