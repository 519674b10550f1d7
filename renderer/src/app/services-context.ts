import { createContext, useContext } from 'react';
import type { AppServices } from './services';

export const ServicesContext = createContext<AppServices | null>(null);

/** The app's client and stores; provided once at the root (tests provide their own). */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesContext.Provider>');
  return services;
}
