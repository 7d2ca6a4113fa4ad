package org.parley;

public class ParleyCommand {
    public static void main(String[] args) {
    }
}
