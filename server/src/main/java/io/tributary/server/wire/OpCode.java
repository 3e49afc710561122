package io.tributary.server.wire;

/** The wire protocol's opcodes (spec: MongoDB Wire Protocol "Opcodes"). */
public final class OpCode {
  public static final int OP_REPLY = 1;
  public static final int OP_UPDATE = 2001;
  public static final int OP_INSERT = 2002;
  public static final int OP_QUERY = 2004;
  public static final int OP_GET_MORE = 2005;
  public static final int OP_DELETE = 2006;
  public static final int OP_KILL_CURSORS = 2007;
  public static final int OP_COMPRESSED = 2012;
  public static final int OP_MSG = 2013;

  private OpCode() {}
}
