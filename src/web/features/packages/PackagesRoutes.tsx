import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/States';
import { PackagePreviewPage } from './PackagePreviewPage';
import { PackagesPage } from './PackagesPage';

/** Everything under /packages (the app's router hands over the rest of the path). */
export function PackagesRoutes() {
  return (
    <Routes>
      <Route index element={<PackagesPage />} />
      <Route path=":packageId/versions/:versionId/preview" element={<PackagePreviewPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
