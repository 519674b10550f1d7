import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickBridge, stripTokenFromAddress } from './api/bridge';
import { createClient } from './api/client';
import { App } from './app/App';
import { createAppServices } from './app/services';
import { ServicesContext } from './app/services-context';
import { applyLocaleToDocument } from './i18n/locale';
import { wireEvents } from './stores/wire-events';
import './styles/app.css';
import './styles/responsive.css';

stripTokenFromAddress();

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const services = createAppServices({
  client: createClient(pickBridge()),
  storage: safeLocalStorage(),
  languages: navigator.languages,
});
applyLocaleToDocument(document, services.locale.getState().locale);
services.locale.subscribe((state) => applyLocaleToDocument(document, state.locale));
wireEvents(services);
void services.session.getState().loadShops();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);
