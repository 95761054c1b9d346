package org.rundschau;

public final class Main {
    public static void main(String[] args) {
    }
}
