package org.parley.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body that a filter watches as it is read (its size, its encoding): every byte read passes
 * {@link #onByte}, the end {@link #onEnd}; either may refuse the body by throwing.
 */
abstract class WatchedInputStream extends ServletInputStream {

    private final ServletInputStream in;

    WatchedInputStream(ServletInputStream in) {
        this.in = in;
    }

    abstract void onByte(int b) throws IOException;

    void onBytes(byte[] buffer, int offset, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            onByte(buffer[offset + i] & 0xFF);
        }
    }

    void onEnd() throws IOException {
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            onEnd();
        } else {
            onByte(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            onEnd();
        } else {
            onBytes(buffer, offset, n);
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
