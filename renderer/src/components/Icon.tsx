/** Line icons drawn on a 24×24 grid; `currentColor` so they follow the text colour. */
const PATHS = {
  connect: 'M9 15l6-6M10 6l1-1a4 4 0 016 6l-1 1M14 18l-1 1a4 4 0 01-6-6l1-1',
  inbox: 'M4 5h16v14H4zM4 13h4l2 3h4l2-3h4',
  catalog: 'M4 7l8-4 8 4v10l-8 4-8-4zM4 7l8 4 8-4M12 11v10',
  knowledge: 'M5 4h10a4 4 0 014 4v12H9a4 4 0 01-4-4zM9 8h6M9 12h6',
  'sales-settings': 'M4 19V9M10 19V5M16 19v-7M22 19H2',
  learning: 'M12 3l9 5-9 5-9-5zM6 10v5c0 1.5 3 3 6 3s6-1.5 6-3v-5',
  analytics: 'M4 20V4M4 20h16M8 16l4-5 3 3 5-7',
  settings: 'M12 8a4 4 0 100 8 4 4 0 000-8zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
  phone: 'M8 2h8a1 1 0 011 1v18a1 1 0 01-1 1H8a1 1 0 01-1-1V3a1 1 0 011-1zM11 18h2',
  send: 'M4 12l16-8-6 16-2-6z',
  search: 'M11 4a7 7 0 100 14 7 7 0 000-14zM16 16l5 5',
  orders: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6M9 16h3',
  photo: 'M4 8h3l2-3h6l2 3h3v11H4zM12 10a3.5 3.5 0 100 7 3.5 3.5 0 000-7z',
  document: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
} as const;
export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
