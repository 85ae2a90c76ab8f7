/**
 * The eight ports of entry that offered CBP One appointments, with a daily capacity each.
 *
 * The per-port numbers are ILLUSTRATIVE, not CBP's: CBP published the national total (1,450 a day
 * from June 2023) but not a per-port split. They are chosen to be plausible — larger for the
 * busiest crossings (San Ysidro, El Paso, Hidalgo, Brownsville), smaller for Calexico and Eagle
 * Pass — and they sum to exactly 1,450 (a test checks the sum).
 */
export interface Port {
  id: string;
  name: string;
  capacity: number;
}

export const PORTS: Array<Port> = [
  { id: 'brownsville', name: 'Brownsville', capacity: 200 },
  { id: 'el-paso', name: 'El Paso (Paso del Norte)', capacity: 225 },
  { id: 'eagle-pass', name: 'Eagle Pass', capacity: 100 },
  { id: 'hidalgo', name: 'Hidalgo', capacity: 225 },
  { id: 'laredo', name: 'Laredo', capacity: 150 },
  { id: 'calexico', name: 'Calexico', capacity: 75 },
  { id: 'san-ysidro', name: 'San Ysidro', capacity: 325 },
  { id: 'nogales', name: 'Nogales', capacity: 150 },
];

/** 1,450: the documented national daily total. */
export const DAILY_SLOTS = PORTS.reduce((sum, port) => sum + port.capacity, 0);
