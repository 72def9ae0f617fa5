/** Commands the harness sends its load agents, and what they answer. */

export interface RoomPlan {
  url: string
  /** Clients of this room in this agent, writers included. */
  clients: number
  /** Global writer numbers of the writers among them. */
  writers: number[]
}

export type AgentCommand =
  | { name: 'fanout.connect'; rooms: RoomPlan[]; headers: Record<string, string>; localAddress: string; userId: string }
  | { name: 'fanout.run'; messagesPerSecond: number; durationMs: number; drainMs: number }
  | { name: 'fanout.close' }
  | { name: 'idle.connect'; urls: string[]; headers: Record<string, string>; localAddress: string; concurrency: number }
  | { name: 'idle.close' }
  | { name: 'reset' }
  | { name: 'storm.run'; url: string; count: number; stateVector: Uint8Array; headers: Record<string, string>; localAddress: string; timeoutMs: number; missedMarker: string }

export interface FanoutRoomResult {
  url: string
  /** Markers received by clients other than their writer. */
  delivered: number
}

export interface FanoutResult {
  latenciesMs: number[]
  rooms: FanoutRoomResult[]
  /** For each writer: messages sent, so the harness can count expected deliveries across agents. */
  sentByWriter: Record<number, number>
  cpuSeconds: number
}

export interface ConnectResult {
  connected: number
  failed: number
  firstError?: string
  ms: number
  cpuSeconds: number
}

export interface StormResult {
  synced: number
  /** Clients whose sync brought the last message they had missed. */
  caughtUp: number
  failed: number
  firstError?: string
  /** Milliseconds from the command's arrival to the last client's step 2. */
  ms: number
  cpuSeconds: number
}

export interface AgentReply {
  id: number
  result?: unknown
  error?: string
}
